using System.Diagnostics;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using System.Data.Common;
using Readiness.Data;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Data.Notifications;
using Readiness.Data.Sql;
using Readiness.Web.Notifications;

namespace Readiness.Bench;

/// <summary>
/// Escalation over the national set: a leader per regency and per province, every rule evaluated once (the first
/// run, which creates everything, and a second, which finds nothing new), then the outbox worked off to a webhook
/// receiver on loopback for a fixed time.
/// </summary>
public static class EscalationBench
{
    public static async Task RunAsync(string path, TimeSpan deliverFor, TextWriter log)
    {
        await using var receiver = await Receiver.StartAsync();
        var (provider, time, start) = await SetUpAsync(path, receiver.Url, log);
        await using var _ = provider;
        var factory = provider.GetRequiredService<ConnectionFactory>();
        var engine = provider.GetRequiredService<EscalationEngine>();

        // Where a first evaluation's time goes: each rule alone over the whole set, from nothing escalated or sent.
        foreach (var kind in EscalationKinds.All)
        {
            await ResetAsync(factory, onlyKind: kind);
            await EvaluateAsync(engine, $"first evaluation, rule '{kind}' alone", log);
        }

        await ResetAsync(factory, onlyKind: null);
        foreach (var label in new[] { "first evaluation (creates everything)", "second evaluation (nothing new)" })
        {
            await EvaluateAsync(engine, label, log);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        // The next morning, nothing else changed: every digest is due again (552 leaders over the whole nation), and
        // what turned overdue overnight escalates.
        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(2));
        await EvaluateAsync(engine, "next morning (digests due again)", log);

        // The outbox: the real worker, the real HTTP client, a receiver on loopback that answers 200.
        var worker = provider.GetRequiredService<OutboxWorker>();
        var sent = 0;
        var deliver = Stopwatch.StartNew();
        while (deliver.Elapsed < deliverFor)
        {
            var handled = await worker.RunOnceAsync();
            if (handled == 0)
            {
                break;
            }

            sent += handled;
        }

        deliver.Stop();
        await using (var connection = await factory.OpenAsync())
        {
            var marked = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Deliveries WHERE Status = 'sent';");
            log.WriteLine($"outbox: {sent:N0} deliveries in {deliver.Elapsed.TotalSeconds:0.0} s = {sent / deliver.Elapsed.TotalSeconds:N0}/s " +
                          $"({receiver.Count:N0} requests received, {marked:N0} marked sent)");
        }
    }

    /// <summary>
    /// Liaisons' saves while escalation runs: a save every 100 ms (as a liaison, through the store, on another
    /// connection) for as long as a national first evaluation of every rule goes, then again for the next morning's
    /// run. Writes each phase's saves, their p95 and longest wait, and how many failed (target: none fail, p95 at
    /// most 250 ms).
    /// </summary>
    public static async Task SavesDuringRunsAsync(string path, TextWriter log)
    {
        await using var receiver = await Receiver.StartAsync();
        var (provider, time, _) = await SetUpAsync(path, receiver.Url, log);
        await using var __ = provider;
        var factory = provider.GetRequiredService<ConnectionFactory>();
        await ResetAsync(factory, onlyKind: null);
        var engine = provider.GetRequiredService<EscalationEngine>();
        var checklists = provider.GetRequiredService<ChecklistStore>();
        ChecklistItem item;
        await using (var connection = await factory.OpenAsync())
        {
            var id = await connection.ExecuteScalarAsync<long>(
                "SELECT MIN(Id) FROM ChecklistItems WHERE Criticality <> 'kritis' AND Status IN ('belum', 'proses', 'siap');");
            var row = await connection.QuerySingleAsync<(string Region, string Agency)>(
                "SELECT RegionCode, AgencyCode FROM ChecklistItems WHERE Id = @id;", new { id });
            var liaison = BenchDatabase.Liaison(row.Agency, [row.Region]);
            item = await checklists.FindAsync(id) ?? throw new InvalidOperationException($"item {id} is missing");
            _ = liaison;
        }

        foreach (var phase in new[] { "first evaluation", "next morning" })
        {
            if (phase == "next morning")
            {
                time.Advance(TimeSpan.FromHours(24));
            }

            var liaison = BenchDatabase.Liaison(item.AgencyCode, [item.RegionCode]);
            var waits = new List<double>();
            var failures = new List<string>();
            var run = Task.Run(() => engine.RunOnceAsync());
            var clock = Stopwatch.StartNew();
            while (!run.IsCompleted)
            {
                var save = Stopwatch.StartNew();
                try
                {
                    var status = item.Status == ItemStatus.Ready ? ItemStatus.InProgress : ItemStatus.Ready;
                    var result = await checklists.ChangeStatusAsync(liaison, new StatusChange(item.Id, item.Version, status, null, Guid.NewGuid()));
                    item = (result as SaveResult.Saved)?.Item ?? throw new InvalidOperationException(result.ToString());
                }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    failures.Add(e.Message);
                    item = await checklists.FindAsync(item.Id) ?? item;
                }

                waits.Add(save.Elapsed.TotalMilliseconds);
                var rest = TimeSpan.FromMilliseconds(100) - save.Elapsed;
                if (rest > TimeSpan.Zero)
                {
                    await Task.WhenAny(run, Task.Delay(rest));
                }
            }

            var result2 = await run;
            waits.Sort();
            var p95 = waits.Count == 0 ? 0 : waits[(int)Math.Ceiling(waits.Count * 0.95) - 1];
            log.WriteLine($"saves during the {phase} ({clock.Elapsed.TotalSeconds:0.0} s, {result2.Escalated:N0} escalated, " +
                          $"{result2.Notifications:N0} notifications): {waits.Count} saves, p95 {p95:N0} ms, max {(waits.Count == 0 ? 0 : waits[^1]):N0} ms, " +
                          $"{failures.Count} failed{(failures.Count == 0 ? "" : ": " + failures[0])}");
        }
    }

    /// <summary>
    /// The data and notification services over <paramref name="path"/> on a clock at the day after tomorrow, 00:30
    /// UTC, with a leader per province and regency, a webhook to <paramref name="receiverUrl"/>, nothing escalated.
    /// </summary>
    private static async Task<(ServiceProvider Provider, FakeTimeProvider Time, DateTime Start)> SetUpAsync(string path, string receiverUrl, TextWriter log)
    {
        // The day after tomorrow at 00:30 UTC: 07:30 WIB, 08:30 WITA, 09:30 WIT (every digest due) and every
        // generated Kendala more than 24 hours old.
        var start = DateTime.UtcNow.Date.AddDays(2).AddMinutes(30);
        var time = new FakeTimeProvider(new DateTimeOffset(start, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Readiness"] = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true, DefaultTimeout = 60 }.ToString(),
            ["Readiness:Notifications:RunInBackground"] = "false",
            ["Readiness:Notifications:Delivery:BatchSize"] = "200",
            ["Readiness:Notifications:Delivery:Parallelism"] = "16",
            // The bench's receiver runs on loopback, which webhooks reach only when it is allowed by name.
            ["Readiness:Notifications:AllowedWebhookHosts:0"] = "127.0.0.1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton<TimeProvider>(time);
        services.AddReadinessData(configuration);
        services.AddReadinessNotifications(configuration);
        var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ConnectionFactory>();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync("""
                DELETE FROM Deliveries; DELETE FROM Notifications; DELETE FROM Escalations; DELETE FROM Webhooks;
                DELETE FROM UserScopes WHERE UserId IN (SELECT Id FROM Users WHERE UserName LIKE 'bench.pimpinan.%');
                DELETE FROM Users WHERE UserName LIKE 'bench.pimpinan.%';
                INSERT INTO Users (UserName, NormalizedUserName, DisplayName, Role, SecurityStamp, ConcurrencyStamp, CreatedAtUtc)
                SELECT 'bench.pimpinan.' || Code, upper('bench.pimpinan.' || Code), 'Pimpinan ' || Name, 'pimpinan', 'x', 'x', '2026-01-01 00:00:00.000'
                FROM Regions WHERE Level IN (1, 2);
                INSERT INTO UserScopes (UserId, RegionCode)
                SELECT u.Id, substr(u.UserName, 16) FROM Users u WHERE u.UserName LIKE 'bench.pimpinan.%';
                UPDATE EscalationRules SET LeaseOwner = NULL, LeaseUntilUtc = NULL;
                """);
            await connection.ExecuteAsync("INSERT INTO Webhooks (Name, Url, Secret, IsEnabled, CreatedAtUtc, CreatedBy) VALUES ('bench', @url, 'rahasia-bench-yang-panjang', 1, '2026-01-01 00:00:00.000', 'bench');",
                new { url = receiverUrl });
            var (items, active, leaders) = await connection.QuerySingleAsync<(long, long, long)>("""
                SELECT (SELECT COUNT(*) FROM ChecklistItems),
                       (SELECT COUNT(*) FROM ChecklistItems WHERE ElectionId IN (SELECT ElectionId FROM Stages GROUP BY ElectionId HAVING MAX(EndDate) >= @today)),
                       (SELECT COUNT(*) FROM Users WHERE Role = 'pimpinan');
                """, new { today = DateOnly.FromDateTime(start.AddHours(7)) });
            log.WriteLine($"set: {items:N0} items ({active:N0} in the running election), {leaders:N0} leaders; clock {start:yyyy-MM-dd HH:mm} UTC");
        }

        return (provider, time, start);
    }

    private static async Task EvaluateAsync(EscalationEngine engine, string label, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var result = await engine.RunOnceAsync();
        log.WriteLine($"{label}: {clock.Elapsed.TotalMilliseconds:N0} ms, {result.Queries} queries, {result.RulesRun} rules run, " +
                      $"{result.Escalated:N0} escalated, {result.Notifications:N0} notifications, {result.Deliveries:N0} deliveries queued");
    }

    /// <summary>Nothing escalated, notified or queued; only the rules of <paramref name="onlyKind"/> enabled (all when null).</summary>
    private static async Task ResetAsync(ConnectionFactory factory, string? onlyKind)
    {
        await using var connection = await factory.OpenAsync();
        await connection.ExecuteAsync("""
            DELETE FROM Deliveries; DELETE FROM Notifications; DELETE FROM Escalations;
            UPDATE EscalationRules SET LeaseOwner = NULL, LeaseUntilUtc = NULL, IsEnabled = CASE WHEN @onlyKind IS NULL OR Kind = @onlyKind THEN 1 ELSE 0 END;
            """, new { onlyKind });
    }

    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _count;

        private Receiver(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";

        public int Count => Volatile.Read(ref _count);

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/kait", async (HttpContext context) =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref receiver._count);
                return Results.Ok();
            });
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/kait";
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
