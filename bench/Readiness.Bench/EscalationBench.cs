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
using Readiness.Data;
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
        // The day after tomorrow at 00:30 UTC: 07:30 WIB, 08:30 WITA, 09:30 WIT (every digest due) and every
        // generated Kendala more than 24 hours old.
        var start = DateTime.UtcNow.Date.AddDays(2).AddMinutes(30);
        var time = new FakeTimeProvider(new DateTimeOffset(start, TimeSpan.Zero));
        await using var receiver = await Receiver.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Readiness"] = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true, DefaultTimeout = 60 }.ToString(),
            ["Readiness:Notifications:RunInBackground"] = "false",
            ["Readiness:Notifications:Delivery:BatchSize"] = "200",
            ["Readiness:Notifications:Delivery:Parallelism"] = "16",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton<TimeProvider>(time);
        services.AddReadinessData(configuration);
        services.AddReadinessNotifications(configuration);
        await using var provider = services.BuildServiceProvider();
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
                new { url = receiver.Url });
            var (items, active, leaders) = await connection.QuerySingleAsync<(long, long, long)>("""
                SELECT (SELECT COUNT(*) FROM ChecklistItems),
                       (SELECT COUNT(*) FROM ChecklistItems WHERE ElectionId IN (SELECT ElectionId FROM Stages GROUP BY ElectionId HAVING MAX(EndDate) >= @today)),
                       (SELECT COUNT(*) FROM Users WHERE Role = 'pimpinan');
                """, new { today = DateOnly.FromDateTime(start.AddHours(7)) });
            log.WriteLine($"set: {items:N0} items ({active:N0} in the running election), {leaders:N0} leaders; clock {start:yyyy-MM-dd HH:mm} UTC");
        }

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
