using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Regions;

namespace Readiness.Web.Tests.Pages.Regions;

/// <summary>
/// The governor's election on a province's page: the demo's Pj Gubernur of Nusa Tenggara Barat sees the province's own
/// items (Polda, KPU Provinsi ...) listed beside the table of its regencies, and a regency's page lists none of them.
/// A real SQLite file with the demo election as it is seeded, the governors' elections included.
/// </summary>
public sealed class ProvincePageTests : IAsyncLifetime
{
    private const string Ntb = "52";

    private readonly BunitContext _ctx = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));
    private Election _election = default!;
    private int _provinceItems;

    public ProvincePageTests()
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
        _ctx.Services.AddScoped<AuthenticationStateProvider, ProvinceLeader>();
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
        _election = (await Get<ElectionStore>().AllAsync()).Single(e => e.Code == DemoSeeder.DemoElectionCode);
        await using (var connection = await Get<ConnectionFactory>().OpenAsync())
        {
            _provinceItems = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM ChecklistItems WHERE ElectionId = @Id AND RegionCode = @Ntb;", new { _election.Id, Ntb });
        }

        await Get<FeedPump>().InitializeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_demo_ntb_page_lists_its_own_governor_election_items_beside_its_regencies()
    {
        var cut = _ctx.Render<RegionPage>(p => p.Add(x => x.Code, Ntb));

        cut.WaitForAssertion(() =>
        {
            var own = cut.Find("section[aria-labelledby='province-items-title']");
            Assert.Contains($"Butir provinsi sendiri untuk pemilihan gubernur ({_provinceItems})", own.TextContent, StringComparison.Ordinal);
            Assert.Equal(_provinceItems, own.QuerySelectorAll("tr[data-item]").Length);
            Assert.Contains("Rencana operasi Mantap Praja tingkat Polda diterbitkan", own.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("tingkat Polres", own.TextContent, StringComparison.Ordinal);
            Assert.Contains("Kota Mataram", cut.Find("section[aria-labelledby='children-title']").TextContent, StringComparison.Ordinal);
        });
        // The demo seeds the province's items itself: every province template is there, none added by hand.
        Assert.True(_provinceItems > 10, $"the demo seeded {_provinceItems} items for NTB itself");
        var admin = new Actor { Name = "admin", Role = Roles.Admin, Scopes = [] };
        Assert.Equal(0, await Get<ChecklistStore>().ApplyTemplatesAsync(admin, _election.Id, Ntb));
    }

    [Fact]
    public void A_regency_page_lists_no_province_items()
    {
        var cut = _ctx.Render<RegionPage>(p => p.Add(x => x.Code, "52.71"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("section[aria-labelledby='children-title']")));
        Assert.Empty(cut.FindAll("section[aria-labelledby='province-items-title']"));
        Assert.DoesNotContain("tingkat Polda", cut.Markup, StringComparison.Ordinal);
    }

    private T Get<T>()
        where T : notnull => _ctx.Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temporary folder is cleaned by the system.
        }
    }

    private sealed class ProvinceLeader : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "pimpinan.ntb"),
                new Claim(ClaimTypes.Role, Roles.Leader),
                new Claim(ReadinessClaims.Scope, Ntb),
            ], authenticationType: "Test", nameType: ClaimTypes.Name, roleType: ClaimTypes.Role);
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
        }
    }
}
