using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Accounts;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Sql;
using Readiness.Web.Components.Pages.Wall;

namespace Readiness.Web.Tests.Pages.Wall;

/// <summary>
/// The wall left alone for days: its day, stage and countdown turn over at the region's local midnight, and a load
/// that failed is retried with backoff while the wall says it is failing. A real SQLite file with the demo election;
/// the clock is a FakeTimeProvider moved by hand.
/// </summary>
public sealed class WallStateTests : SeededPageTest
{
    private const string KutaiKartanegara = "64.02"; // WITA, UTC+8

    private readonly FakeTimeProvider _time;

    // 23:58:30 WITA on the day the demo data is made.
    public WallStateTests() : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 58, 30, TimeSpan.Zero)))
    {
    }

    private WallStateTests(FakeTimeProvider time) : base(Leader(), time) => _time = time;

    private async Task<(Election Election, IReadOnlyList<Stage> Stages)> DemoAsync()
    {
        var elections = Services.GetRequiredService<ElectionStore>();
        var election = (await elections.AllAsync()).Single(e => e.Code == DemoSeeder.DemoElectionCode);
        return (election, await elections.StagesAsync(election.Id));
    }

    [Fact]
    public async Task The_KPU_tile_shows_the_regions_summed_TPS_and_its_target_follows_a_kecamatans_new_TPS_count_live()
    {
        var (election, _) = await DemoAsync();
        var admin = new Actor { Name = "admin", Role = Roles.Admin, UserId = -1 };
        var kpu = new Actor { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = [KutaiKartanegara] };
        string Fresh(Readiness.Data.Shared.RegionNumbers numbers)
        {
            // One item's sum, never the unit's over several items: the region has each TPS once.
            var weakest = numbers.WeakestOf("KPU")!;
            Assert.Equal("TPS", weakest.Unit);
            Assert.Equal(numbers.ByItem.Where(n => n.AgencyCode == "KPU" && n.Unit == "TPS").Min(n => (double)n.Done / n.Target), (double)weakest.Done / weakest.Target);
            return weakest.Text;
        }
        var readiness = Services.GetRequiredService<Readiness.Data.Checklists.ReadinessStore>();
        var before = Fresh(await readiness.NumbersAsync(admin, election.Id, KutaiKartanegara));
        var cut = Render<WallPage>(p => p.Add(x => x.Code, KutaiKartanegara));
        var tile = () => cut.Find("section.wall-tile[aria-label='KPU'] [data-wall-number]").TextContent.Trim();
        cut.WaitForAssertion(() => Assert.Equal(before, tile()), TimeSpan.FromSeconds(30));

        var figures = Services.GetRequiredService<Readiness.Data.Figures.FigureStore>();
        var own = await figures.ForRegionAsync(kpu, election.Id, "64.02.06");
        await figures.SetTpsAsync(kpu, election.Id, "64.02.06", own.Tps!.Value + 2, own.Version, Guid.NewGuid());
        await Services.GetRequiredService<FeedPump>().DrainAsync(CancellationToken.None);

        var after = Fresh(await readiness.NumbersAsync(admin, election.Id, KutaiKartanegara));
        Assert.NotEqual(before, after);
        cut.WaitForAssertion(() => Assert.Equal(after, tile()), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task At_local_midnight_the_wall_turns_to_the_next_day_its_stage_and_its_countdown()
    {
        var (election, stages) = await DemoAsync();
        var today = new DateOnly(2026, 11, 30);
        var tomorrow = today.AddDays(1);
        var cut = Render<WallPage>(p => p.Add(x => x.Code, KutaiKartanegara));
        cut.WaitForAssertion(() => Assert.Contains("Senin, 30 November 2026", cut.Markup), TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Equal($"H-{election.VotingDay.DayNumber - today.DayNumber}", cut.Find("[data-wall-countdown]").TextContent.Trim()),
            TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromMinutes(2)); // 00:00:30 WITA

        cut.WaitForAssertion(() => Assert.Contains("Selasa, 1 Desember 2026", cut.Markup), TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Equal($"H-{election.VotingDay.DayNumber - tomorrow.DayNumber}", cut.Find("[data-wall-countdown]").TextContent.Trim()),
            TimeSpan.FromSeconds(30));
        var stage = stages.Where(s => s.Contains(tomorrow)).MaxBy(s => s.StartDate);
        if (stage is not null)
        {
            Assert.Contains(stage.Name, cut.Find("[data-wall-stage]").TextContent);
        }
    }

    [Fact]
    public async Task A_wall_whose_load_failed_says_so_retries_with_backoff_and_recovers_when_the_data_is_mended()
    {
        var factory = Services.GetRequiredService<ConnectionFactory>();
        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE Elections SET VotingDay = 'tidak terbaca' WHERE Code = 'DEMO'");
        }

        var cut = Render<WallPage>(p => p.Add(x => x.Code, KutaiKartanegara));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-wall-failing]").GetAttribute("data-wall-failing")), TimeSpan.FromSeconds(30));
        Assert.Contains("Mencoba lagi pukul", cut.Find("[data-wall-failing]").TextContent);

        _time.Advance(WallState.FirstRetryDelay);
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-wall-failing]").GetAttribute("data-wall-failing")), TimeSpan.FromSeconds(30));

        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE Elections SET VotingDay = '2026-12-04' WHERE Code = 'DEMO'");
        }

        _time.Advance(WallState.FirstRetryDelay * 2);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-wall-failing]")), TimeSpan.FromSeconds(30));
        Assert.Contains("Kabupaten Kutai Kartanegara", cut.Find("h1").TextContent);
        Assert.NotEmpty(cut.FindAll("section.wall-tile"));
    }
}
