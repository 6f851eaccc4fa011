using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Notifications;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Notifications;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// The app's data and delivery services as the app wires them, over a real SQLite file, with the real clock (the
/// retry backoff waits for real, in tens of milliseconds): leaders with e-mail addresses, a Kendala item, and the
/// Kendala rule set to escalate at once.
/// </summary>
public sealed class DeliveryHost : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    /// <param name="settings">Configuration over the defaults above.</param>
    /// <param name="time">A clock of the test's own (leases are then moved on by hand); the real clock when null.</param>
    public DeliveryHost(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
            ["Readiness:Notifications:RunInBackground"] = "false",
            ["Readiness:Notifications:PublicBaseUrl"] = "https://kesiapan.example.go.id",
            ["Readiness:Notifications:Delivery:RetryDelay"] = "00:00:00.050",
            ["Readiness:Notifications:Delivery:RequeueDelay"] = "00:00:00",
            ["Readiness:Notifications:Delivery:AttemptTimeout"] = "00:00:10",
            // The receivers of these tests run on loopback, which webhooks may reach only when an admin allows it by name.
            ["Readiness:Notifications:AllowedWebhookHosts:0"] = "127.0.0.1",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddReadinessData(configuration);
        services.AddReadinessNotifications(configuration);
        if (time is not null)
        {
            services.AddSingleton(time); // the last registration is the one resolved
        }

        _services = services.BuildServiceProvider();
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static Actor Admin { get; } = new() { Name = "admin", Role = Roles.Admin, UserId = -1 };

    /// <summary>Migrates, seeds, creates the leaders (with <paramref name="emails"/>) and blocks one item in Kutai Kartanegara.</summary>
    public async Task<ChecklistItem> StartAsync(params string[] emails)
    {
        await SeededTemplate.MigrateAndSeedAsync(Get<ConnectionFactory>(), async () =>
        {
            await Get<DatabaseMigrator>().MigrateAsync();
            await Get<ReferenceSeeder>().SeedAsync();
        });
        // An election running now (the rules watch running elections only), on the real clock.
        await ExecuteAsync("""
            INSERT INTO Elections (Code, Name, VotingDay, IsDemo) VALUES ('UJI', 'Pilkada uji', date('now', '+4 days'), 0);
            INSERT INTO Stages (ElectionId, Code, Name, SortOrder, StartDate, EndDate)
            SELECT Id, 'REKAP', 'Rekapitulasi', 1, date('now', '-10 days'), date('now', '+20 days') FROM Elections WHERE Code = 'UJI';
            """);
        var election = (await Get<ElectionStore>().AllAsync()).Single(e => e.Code == "UJI").Id;
        var stage = (await Get<ElectionStore>().StagesAsync(election)).Single(s => s.Code == "REKAP");
        using (var scope = _services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            for (var i = 0; i < emails.Length; i++)
            {
                var user = new AppUser { UserName = $"pimpinan{i + 1}", DisplayName = $"Pimpinan {i + 1}", Role = Roles.Leader, Scopes = ["64.02"] };
                Assert.True((await users.CreateAsync(user, "rapat koordinasi desk pilkada")).Succeeded);
                await Get<NotificationStore>().SetEmailAsync(Admin, user.Id, emails[i]);
            }
        }

        var liaison = new Actor { Name = "penghubung.polri", Role = Roles.Liaison, AgencyCode = "POLRI", Scopes = ["64.02"] };
        var checklists = Get<ChecklistStore>();
        var item = await checklists.AddItemAsync(liaison,
            new NewItem(election, "64.02", stage.Id, "Pengamanan gudang logistik", stage.EndDate, Criticality.Critical), Guid.NewGuid());
        item = ((SaveResult.Saved)await checklists.ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.Blocked, "Personel belum cukup", Guid.NewGuid()))).Item;
        await ExecuteAsync("UPDATE EscalationRules SET AfterHours = 0 WHERE Kind = 'kendala'; UPDATE EscalationRules SET IsEnabled = 0 WHERE Kind <> 'kendala';");
        return item;
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    /// <summary>Each delivery's status, error kind and raw error, by the webhook's name ("email" for e-mail).</summary>
    public async Task<IReadOnlyList<(string Receiver, string Status, string? Kind, string? Error)>> OutcomesAsync()
    {
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<(string, string, string?, string?)>("""
            SELECT COALESCE(w.Name, 'email'), d.Status, d.LastErrorKind, d.LastError
            FROM Deliveries d LEFT JOIN Webhooks w ON w.Id = d.WebhookId ORDER BY d.Id;
            """)).AsList();
    }

    public async Task<IReadOnlyList<(string Channel, string Status, int Attempts, string Key)>> DeliveriesAsync()
    {
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<(string, string, int, string)>(
            "SELECT Channel, Status, Attempts, IdempotencyKey FROM Deliveries ORDER BY Id;")).AsList();
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
