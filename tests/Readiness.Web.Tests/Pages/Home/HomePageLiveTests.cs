using System.Globalization;
using System.Security.Claims;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Home;

namespace Readiness.Web.Tests.Pages.Home;

/// <summary>
/// The home page over a live circuit: it follows the feed (a published change re-renders the counts) and lets go of
/// its subscription when it goes away. A real SQLite file in a fresh temporary folder, wired as the app wires it
/// (AddReadinessData), seeded with the demo election; the feed pump is driven by hand, not run as a hosted service.
/// </summary>
public class HomePageLiveTests : BunitContext, IAsyncLifetime
{
    private const string KutaiKartanegara = "64.02";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));

    public HomePageLiveTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddReadinessData(configuration);
        Services.AddScoped<AuthenticationStateProvider, LeaderAuthenticationStateProvider>();
        Services.AddScoped<CurrentActor>();

        // Last: it reads a service, after which bunit takes no more registrations. Rendered over a live circuit.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private LiveFeed Live => Services.GetRequiredService<LiveFeed>();

    private FeedPump Pump => Services.GetRequiredService<FeedPump>();

    /// <summary>Migrated, seeded with the reference data and the demo election; the pump placed after the newest event.</summary>
    private async Task<Election> ReadyAsync()
    {
        await SeededTemplate.MigrateAndSeedAsync(Services.GetRequiredService<ConnectionFactory>(), async () =>
        {
            await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await Services.GetRequiredService<ReferenceSeeder>().SeedAsync();
        });
        await Services.GetRequiredService<DemoSeeder>().SeedAsync();
        await Pump.InitializeAsync(CancellationToken.None);
        return (await Services.GetRequiredService<ElectionStore>().AllAsync()).Single(e => e.Code == DemoSeeder.DemoElectionCode);
    }

    private static IElement KutaiKartanegaraCard(IRenderedComponent<HomePage> cut) =>
        cut.Find($"section.region-card[aria-labelledby='region-{KutaiKartanegara}']");

    /// <summary>The count in the card's overall "Siap" badge (the first one: the per-agency rows show only "Kendala").</summary>
    private static int ReadyCount(IRenderedComponent<HomePage> cut) =>
        int.Parse(KutaiKartanegaraCard(cut).QuerySelector("[data-status='siap'] strong")!.TextContent.Trim(),
            NumberStyles.AllowThousands, CultureInfo.GetCultureInfo(TestCulture.Indonesian));

    private IRenderedComponent<HomePage> RenderLoaded()
    {
        var cut = Render<HomePage>();
        cut.WaitForElement($"section.region-card[aria-labelledby='region-{KutaiKartanegara}']");
        Assert.Contains("Kutai Kartanegara", KutaiKartanegaraCard(cut).QuerySelector("h2")!.TextContent);
        return cut;
    }

    /// <summary>An item under Kutai Kartanegara that is not ready yet, with a liaison officer of its agency who may change it.</summary>
    private async Task<(ChecklistItem Item, Actor Liaison)> AnItemNotReadyAsync(int electionId)
    {
        var checklists = Services.GetRequiredService<ChecklistStore>();
        foreach (var agency in Agency.All)
        {
            var liaison = new Actor
            {
                Name = "penghubung." + agency.Code.ToLowerInvariant(),
                Role = Roles.Liaison,
                AgencyCode = agency.Code,
                Scopes = [KutaiKartanegara],
            };
            var item = (await checklists.ListForLiaisonAsync(liaison, electionId))
                .Select(v => v.Item)
                .FirstOrDefault(i => i.Status != ItemStatus.Ready);
            if (item is not null)
            {
                return (item, liaison);
            }
        }

        throw new InvalidOperationException("The demo seed left every Kutai Kartanegara item ready.");
    }

    [Fact]
    public async Task Home_page_counts_change_when_the_feed_publishes_a_change()
    {
        var election = await ReadyAsync();
        var cut = RenderLoaded();
        var before = ReadyCount(cut);
        var (item, liaison) = await AnItemNotReadyAsync(election.Id);

        var result = await Services.GetRequiredService<ChecklistStore>().ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.Ready, Note: null, Guid.NewGuid()));
        Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal(1, await Pump.DrainAsync(CancellationToken.None));

        cut.WaitForAssertion(() => Assert.Equal(before + 1, ReadyCount(cut)));
        // The recount came from the feed, not from a second load: still the one subscription.
        Assert.Equal(1, Live.SubscriberCount);
    }

    [Fact]
    public async Task Home_page_unsubscribes_when_disposed()
    {
        await ReadyAsync();
        RenderLoaded();
        Assert.Equal(1, Live.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Live.SubscriberCount);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A signed-in leader over the four demo regions, as the cookie's claims would make one.</summary>
    private sealed class LeaderAuthenticationStateProvider : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "pimpinan"),
                new Claim(ClaimTypes.Role, Roles.Leader),
                .. DemoSeeder.DemoRegions.Select(code => new Claim(ReadinessClaims.Scope, code)),
            ], authenticationType: "Test", nameType: ClaimTypes.Name, roleType: ClaimTypes.Role);
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
