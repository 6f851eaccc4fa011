using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Situation;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Situation;

namespace Readiness.Web.Tests.Pages.Situation;

/// <summary>
/// The situation panel on a real SQLite file with the demo data: the level with its reason, the AG kecamatan below,
/// the significant incident highlighted; and, live, a new incident and a raised level reach an open panel through
/// the region activity feed (the pump driven by hand), with typed text shown as text.
/// </summary>
public sealed class SituationPanelTests : IAsyncLifetime
{
    private static readonly Actor Leader = new() { Name = "pimpinan", Role = Roles.Leader, Scopes = [.. DemoSeeder.DemoRegions] };
    private static readonly Actor Polri = new() { Name = "penghubung.polri", Role = Roles.Liaison, AgencyCode = "POLRI", Scopes = [.. DemoSeeder.DemoRegions] };

    private readonly BunitContext _ctx = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));

    public SituationPanelTests()
    {
        _ctx.Services.AddLocalization();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        _ctx.Services.AddLogging();
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddReadinessData(configuration);
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedIn("pimpinan", Roles.Leader));
        _ctx.Services.AddScoped<CurrentActor>();
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task InitializeAsync()
    {
        await SeededTemplate.MigrateAndSeedAsync(Get<ConnectionFactory>(), async () =>
        {
            await Get<DatabaseMigrator>().MigrateAsync();
            await Get<ReferenceSeeder>().SeedAsync();
        });
        await Get<DemoSeeder>().SeedAsync();
        await Get<FeedPump>().InitializeAsync(CancellationToken.None);
    }

    [Fact]
    public void The_panel_shows_the_level_with_its_reason_the_raised_kecamatan_and_the_significant_incident_first()
    {
        var cut = _ctx.Render<SituationPanel>(p => p.Add(x => x.Code, "52.71").Add(x => x.Actor, Leader));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".situation-current [data-situation='kondusif']")));
        Assert.Contains("patroli gabungan", cut.Find(".situation-current").TextContent, StringComparison.Ordinal);
        Assert.Contains("Cakranegara", cut.Find(".situation-raised").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find(".situation-raised [data-situation='ag']"));
        var first = cut.FindAll(".incident-list li")[0];
        Assert.Contains("incident-significant", first.ClassName, StringComparison.Ordinal);
        Assert.Contains("Penting", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 penting", cut.Find("[data-incident-counts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_clash_marked_significant_and_a_move_to_AG_reach_an_open_panel_live_with_typed_text_as_text()
    {
        var cut = _ctx.Render<SituationPanel>(p => p.Add(x => x.Code, "52.71").Add(x => x.Actor, Leader));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-incident-counts]")));
        var openBefore = (await Get<IncidentStore>().CountsAsync(Leader, "52.71")).Open;

        var incidents = Get<IncidentStore>();
        var recorded = ((IncidentSaveResult.Saved)await incidents.RecordAsync(Polri, new NewIncident
        {
            RegionCode = "52.71.01", Place = "<script>alert(1)</script> TPS 09",
            OccurredAtLocal = Readiness.Data.Regions.RegionTimeZone.Wita.ToLocal(DateTime.UtcNow.AddMinutes(-10)),
            Kind = IncidentKind.Clash, Severity = IncidentSeverity.Serious, OperationId = Guid.NewGuid(),
        })).Incident;
        await incidents.MarkSignificantAsync(Polri, recorded.Id, recorded.Version, Guid.NewGuid());
        var situation = (await Get<SituationStore>().CurrentAsync(Leader, "52.71"))!;
        await Get<SituationStore>().SetAsync(Polri, new SituationInput("52.71", SituationLevel.Threshold, "Bentrok di Ampenan", situation.Version, Guid.NewGuid()));
        Assert.True(await Get<FeedPump>().DrainActivityAsync(CancellationToken.None) >= 3);

        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find(".situation-current [data-situation='ag']"));
            var line = cut.Find($"[data-incident='{recorded.Id}']");
            Assert.Contains("incident-significant", line.ClassName, StringComparison.Ordinal);
            Assert.Contains("<script>alert(1)</script> TPS 09", line.TextContent, StringComparison.Ordinal);
            Assert.Empty(line.QuerySelectorAll("script"));
            Assert.StartsWith($"{openBefore + 1} kejadian terbuka (2 penting)", cut.Find("[data-incident-counts]").TextContent.Trim(), StringComparison.Ordinal);
        });
    }

    private T Get<T>()
        where T : notnull => _ctx.Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
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
