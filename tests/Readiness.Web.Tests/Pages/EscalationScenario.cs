using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages;

/// <summary>
/// Escalation as the screens meet it: a real SQLite file with the demo election, the real escalation engine on a
/// FakeTimeProvider, and both pumps (the live feed and the notification feed) driven by hand. Only the Kendala rule
/// runs and nothing is Kendala at the start, so the item a test blocks is the only one escalated.
/// </summary>
internal sealed class EscalationScenario : IAsyncDisposable
{
    public const string KutaiKartanegara = "64.02"; // WITA

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));

    /// <param name="role">Who the screens' circuit belongs to: <see cref="Roles.Liaison"/> (of KPU) or <see cref="Roles.Leader"/>, over Kutai Kartanegara.</param>
    public EscalationScenario(string role)
    {
        Context.Services.AddLocalization();
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        Context.Services.AddLogging();
        Context.Services.AddSingleton<TimeProvider>(Time);
        Context.Services.AddReadinessData(configuration);
        Context.Services.AddSingleton<AuthenticationStateProvider>(new Principal(role));
        Context.Services.AddScoped<CurrentActor>();
        Context.Services.AddScoped<NoteDrafts>();
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public BunitContext Context { get; } = new();

    // 10:00 WITA on a working day.
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    /// <summary>The liaison whose changes the tests make (and whose task list a liaison test shows).</summary>
    public Actor Liaison { get; } = new()
    {
        Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = Agency.Kpu, Scopes = [KutaiKartanegara],
    };

    public Election Election { get; private set; } = null!;

    public T Get<T>() where T : notnull => Context.Services.GetRequiredService<T>();

    /// <summary>Migrated and seeded; the overdue and digest rules off and nothing Kendala; both pumps after the newest row.</summary>
    public async Task ReadyAsync()
    {
        await SeededTemplate.MigrateAndSeedAsync(Get<ConnectionFactory>(), async () =>
        {
            await Get<DatabaseMigrator>().MigrateAsync();
            await Get<ReferenceSeeder>().SeedAsync();
        });
        await Get<DemoSeeder>().SeedAsync();
        var admin = new Actor { Name = "admin", Role = Roles.Admin };
        var rules = Get<EscalationRuleStore>();
        foreach (var rule in (await rules.ListAsync(admin)).Where(r => r.Kind != EscalationKinds.Blocked))
        {
            await rules.UpdateAsync(admin, rule with { IsEnabled = false });
        }

        await using (var connection = await Get<ConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ChecklistItems SET Status = 'proses' WHERE Status = 'kendala';");
        }

        await Get<FeedPump>().InitializeAsync(CancellationToken.None);
        await Get<NotificationPump>().InitializeAsync(CancellationToken.None);
        Election = (await Get<ElectionStore>().AllAsync()).Single(e => e.Code == DemoSeeder.DemoElectionCode);
    }

    /// <summary>The first items of the liaison's task list as it opens (its first page, in its order).</summary>
    public async Task<IReadOnlyList<ChecklistItem>> TaskListAsync() =>
        (await Get<TaskQuery>().ListAsync(Liaison, Election.Id, new TaskAddress().Filter)).Items.Select(v => v.Item).ToList();

    /// <summary>The liaison's change, published on the live feed as a save in the app is.</summary>
    public async Task<ChecklistItem> ChangeAsync(ChecklistItem item, string status, string? note = null)
    {
        var result = await Get<ChecklistStore>().ChangeStatusAsync(Liaison, new StatusChange(item.Id, item.Version, status, note, Guid.NewGuid()));
        var saved = Assert.IsType<SaveResult.Saved>(result).Item;
        Assert.True(await Get<FeedPump>().DrainAsync(CancellationToken.None) >= 1);
        return saved;
    }

    /// <summary>Sets the item Kendala and lets 25 hours pass: the Kendala rule's 24 hours are over, not yet evaluated.</summary>
    public async Task<ChecklistItem> BlockAsync(ChecklistItem item)
    {
        var blocked = await ChangeAsync(item, ItemStatus.Blocked, "Gudang logistik kebanjiran");
        Time.Advance(TimeSpan.FromHours(25));
        return blocked;
    }

    /// <summary>The engine evaluates the rules (the item blocked by <see cref="BlockAsync"/> escalates) and the pump tells the screens.</summary>
    public async Task EscalateAsync()
    {
        Assert.Equal(1, (await Get<EscalationEngine>().RunOnceAsync()).Escalated);
        Assert.True(await Get<NotificationPump>().DrainAsync(CancellationToken.None) >= 1);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temporary folder is cleaned by the system.
        }
    }

    /// <summary>A liaison of KPU or a leader over Kutai Kartanegara, as the cookie's claims would make one.</summary>
    private sealed class Principal(string role) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            List<Claim> claims =
            [
                new(ClaimTypes.Name, role == Roles.Liaison ? "penghubung.kpu" : "pimpinan.kukar"),
                new(ClaimTypes.Role, role),
                new(ReadinessClaims.Scope, KutaiKartanegara),
            ];
            if (role == Roles.Liaison)
            {
                claims.Add(new(ReadinessClaims.Agency, Agency.Kpu));
            }

            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test", ClaimTypes.Name, ClaimTypes.Role))));
        }
    }
}
