using Dapper;
using Readiness.Data.Regions;
using Readiness.Data.Seed;

namespace Readiness.Data.Tests.Regions;

/// <summary>
/// A region's calendar: today, the election, the stage and the days to voting in the region's own zone, and the same
/// "today" in SQL, at each zone's midnight.
/// </summary>
public sealed class RegionCalendarTests : IDisposable
{
    // 2024-11-22 16:30 UTC: 23:30 WIB on the 22nd, already 00:30 WITA and 01:30 WIT on the 23rd.
    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 22, 16, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_region_counts_the_days_to_voting_from_its_own_date()
    {
        await _db.ReadyAsync();
        var calendar = _db.Get<RegionCalendar>();

        var bantul = await calendar.DayAsync(await _db.Regions.FindAsync("34.02")); // WIB
        var kukar = await calendar.DayAsync(await _db.Regions.FindAsync("64.02"));  // WITA
        var jayapura = await calendar.DayAsync(await _db.Regions.FindAsync("91.03")); // WIT
        var nation = await calendar.DayAsync(null);

        Assert.Equal(new DateOnly(2024, 11, 22), bantul.Today);
        Assert.Equal(new DateOnly(2024, 11, 23), kukar.Today);
        Assert.Equal(new DateOnly(2024, 11, 23), jayapura.Today);
        Assert.Equal(RegionTimeZone.Wib, nation.Zone);
        Assert.Equal(bantul.Today, nation.Today);
        Assert.Equal(ReferenceSeeder.Pilkada2024Code, kukar.Election!.Code);
        Assert.Equal(5, bantul.DaysToVoting);
        Assert.Equal(4, kukar.DaysToVoting);
        Assert.Equal(4, jayapura.DaysToVoting);
    }

    [Fact]
    public async Task The_stage_under_way_is_the_latest_started_one_that_contains_the_day()
    {
        await _db.ReadyAsync();
        var day = await _db.Get<RegionCalendar>().DayAsync(await _db.Regions.FindAsync("64.02"));

        var containing = day.Stages.Where(s => s.Contains(day.Today)).ToList();
        Assert.NotEmpty(containing);
        Assert.Equal(containing.MaxBy(s => s.StartDate), day.CurrentStage);
        Assert.Null(day.On(day.Election!.VotingDay.AddDays(400)).CurrentStage);
        Assert.Equal(-1, day.On(day.Election.VotingDay.AddDays(1)).DaysToVoting);
    }

    [Fact]
    public void An_unknown_or_missing_zone_reads_as_wib_and_each_known_one_as_itself()
    {
        Assert.Equal(RegionTimeZone.Wib, RegionCalendar.ZoneOf((string?)null));
        Assert.Equal(RegionTimeZone.Wib, RegionCalendar.ZoneOf("Europe/Amsterdam"));
        Assert.Equal(RegionTimeZone.Wib, RegionCalendar.ZoneOf("Asia/Jakarta"));
        Assert.Equal(RegionTimeZone.Wita, RegionCalendar.ZoneOf("Asia/Makassar"));
        Assert.Equal(RegionTimeZone.Wit, RegionCalendar.ZoneOf("Asia/Jayapura"));
    }

    [Theory]
    [InlineData("2024-11-22T14:59:59", "2024-11-22", "2024-11-22", "2024-11-22")]
    [InlineData("2024-11-22T15:00:00", "2024-11-22", "2024-11-22", "2024-11-23")]
    [InlineData("2024-11-22T16:00:00", "2024-11-22", "2024-11-23", "2024-11-23")]
    [InlineData("2024-11-22T17:00:00", "2024-11-23", "2024-11-23", "2024-11-23")]
    public async Task Sql_today_of_each_zone_turns_at_that_zones_midnight_as_the_csharp_one_does(string utc, string wib, string wita, string wit)
    {
        await _db.ReadyAsync();
        var at = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var (todayWib, todayWita, todayWit) = RegionCalendar.TodayParameters(at);
        await using var connection = await _db.Factory.OpenAsync();

        var sql = $"SELECT Code, {RegionCalendar.TodaySql("TimeZone")} AS Today FROM Regions WHERE Code IN ('34.02', '64.02', '91.03') ORDER BY Code;";
        var rows = (await connection.QueryAsync<(string Code, string Today)>(sql, new { todayWib, todayWita, todayWit }))
            .Select(r => (r.Code, Today: DateOnly.Parse(r.Today, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal([DateOnly.Parse(wib), DateOnly.Parse(wita), DateOnly.Parse(wit)], rows.Select(r => r.Today));
        foreach (var (code, today) in rows)
        {
            var zone = RegionCalendar.ZoneOf((await _db.Regions.FindAsync(code))!);
            Assert.Equal(RegionCalendar.DateAt(zone, at), today);
        }
    }

    public void Dispose() => _db.Dispose();
}
