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
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Regions;

namespace Readiness.Web.Tests.Pages.Regions;

/// <summary>
/// The brief lists four of the last day's changes and says how many more there are ("dan 25 perubahan lain"), so a
/// leader reading the sheet knows the list is not all. A real SQLite file with the demo election.
/// </summary>
public sealed class BriefChangesTests : IAsyncLifetime
{
    private const string KutaiKartanegara = "64.02";

    private readonly BunitContext _ctx = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));

    public BriefChangesTests()
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
        _ctx.Services.AddScoped<AuthenticationStateProvider, LeaderAuthenticationStateProvider>();
        _ctx.Services.AddScoped<CurrentActor>();
        // The brief is a static page; its panels ask whether they render interactively.
        _ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
    }

    public async Task InitializeAsync()
    {
        await Get<DatabaseMigrator>().MigrateAsync();
        await Get<ReferenceSeeder>().SeedAsync();
        await Get<DemoSeeder>().SeedAsync();
    }

    [Fact]
    public async Task Thirty_changes_in_the_last_day_show_four_and_say_how_many_more()
    {
        var election = (await Get<ElectionStore>().AllAsync()).Single(e => e.Code == DemoSeeder.DemoElectionCode);
        await using (var connection = await Get<ConnectionFactory>().OpenAsync())
        {
            var ids = (await connection.QueryAsync<long>(
                "SELECT Id FROM ChecklistItems WHERE ElectionId = @Id AND AgencyCode = 'KPU' AND RegionCode LIKE '64.02.%' ORDER BY Id LIMIT 30;",
                new { election.Id })).AsList();
            var liaison = new Actor { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = [KutaiKartanegara] };
            foreach (var id in ids)
            {
                var item = (await Get<ChecklistStore>().FindAsync(id))!;
                var status = item.Status == ItemStatus.InProgress ? ItemStatus.Ready : ItemStatus.InProgress;
                Assert.IsType<SaveResult.Saved>(await Get<ChecklistStore>().ChangeStatusAsync(liaison,
                    new StatusChange(item.Id, item.Version, status, null, Guid.NewGuid())));
            }
        }

        var cut = _ctx.Render<BriefPage>(p => p.Add(x => x.Code, KutaiKartanegara));

        var total = await ChangesOfTheLastDayAsync();
        Assert.True(total >= 30);
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("section[aria-labelledby='brief-changes'] li").Count));
        var more = cut.Find("[data-more-changes]");
        Assert.Equal((total - 4).ToString(System.Globalization.CultureInfo.InvariantCulture), more.GetAttribute("data-more-changes"));
        Assert.Equal($"… dan {total - 4} perubahan lain.", more.TextContent.Trim());
    }

    private async Task<int> ChangesOfTheLastDayAsync()
    {
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM ItemEvents WHERE RegionCode LIKE '64.02%' AND StatusBefore IS NOT NULL AND AtUtc >= @since;",
            new { since = DateTime.UtcNow.AddHours(-24) });
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
}
