using Readiness.Data.Elections;

namespace Readiness.Data.Regions;

/// <summary>
/// A region's calendar in its own zone (WIB, WITA or WIT; Indonesia keeps no daylight saving): today's date, the
/// current election, its stage and the days to voting. The one place "today" is computed: in C# through
/// <see cref="Today(RegionTimeZone)"/> and <see cref="DayAsync"/>, in SQL through <see cref="TodaySql"/> with the
/// parameters of <see cref="TodayParameters"/>. The clock is read only through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class RegionCalendar(TimeProvider time, ElectionStore elections)
{
    /// <summary>
    /// The zone a region's dates are read in: its own; WIB for the nation (no region) and for a zone id that is not
    /// one of Indonesia's three (an old row, a notification without a region).
    /// </summary>
    public static RegionTimeZone ZoneOf(Region? region) => region is null ? RegionTimeZone.Wib : ZoneOf(region.TimeZone);

    /// <summary>The zone named by an IANA id (<c>Asia/Jakarta</c>, <c>Asia/Makassar</c>, <c>Asia/Jayapura</c>); WIB otherwise.</summary>
    public static RegionTimeZone ZoneOf(string? timeZoneId) => timeZoneId switch
    {
        "Asia/Makassar" => RegionTimeZone.Wita,
        "Asia/Jayapura" => RegionTimeZone.Wit,
        _ => RegionTimeZone.Wib,
    };

    /// <summary>The date in <paramref name="zone"/> at the UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly DateAt(RegionTimeZone zone, DateTime utc) => DateOnly.FromDateTime(zone.ToLocal(utc));

    /// <summary>Today's date in <paramref name="zone"/>, by the injected clock.</summary>
    public DateOnly Today(RegionTimeZone zone) => DateAt(zone, time.GetUtcNow().UtcDateTime);

    /// <summary>Today's date in the region's own zone (WIB for the nation), by the injected clock.</summary>
    public DateOnly Today(Region? region) => Today(ZoneOf(region));

    /// <summary>
    /// Today in the region's zone, the election a dashboard reads as of that day (see
    /// <see cref="ElectionStore.CurrentAsync"/>), its stages, the stage under way and the days to voting. The
    /// election is null when there is none.
    /// </summary>
    public async Task<RegionDay> DayAsync(Region? region, CancellationToken cancellationToken = default)
    {
        var zone = ZoneOf(region);
        var today = Today(zone);
        var election = await elections.CurrentAsync(today, cancellationToken);
        var stages = election is null ? [] : await elections.StagesAsync(election.Id, cancellationToken);
        return new RegionDay(zone, today, election, stages);
    }

    /// <summary>
    /// A SQL expression for today's date in the zone held by <paramref name="timeZoneColumn"/> (a region's
    /// <c>TimeZone</c>), WIB for any other value; it reads the parameters <c>@todayWib</c>, <c>@todayWita</c> and
    /// <c>@todayWit</c> of <see cref="TodayParameters"/>.
    /// </summary>
    public static string TodaySql(string timeZoneColumn) => DateSql(timeZoneColumn, "today");

    /// <summary>
    /// A SQL expression that picks, by the zone held by <paramref name="timeZoneColumn"/> (WIB for any other value),
    /// one of the date parameters <c>@{prefix}Wib</c>, <c>@{prefix}Wita</c>, <c>@{prefix}Wit</c>: a date per zone
    /// such as "today + 7 days" (see <see cref="DatesAt"/>).
    /// </summary>
    public static string DateSql(string timeZoneColumn, string prefix) =>
        $"CASE {timeZoneColumn} WHEN '{RegionTimeZone.Wita.Id}' THEN @{prefix}Wita WHEN '{RegionTimeZone.Wit.Id}' THEN @{prefix}Wit ELSE @{prefix}Wib END";

    /// <summary>
    /// A SQL expression for the local date, in the zone held by <paramref name="timeZoneColumn"/> (WIB for any other
    /// value), of the UTC date-time in <paramref name="utcColumn"/>: <see cref="DateAt"/> in SQL, so a row is put on
    /// the day its region lived it.
    /// </summary>
    public static string LocalDateSql(Sql.SqlDialect dialect, string utcColumn, string timeZoneColumn) =>
        dialect.DateAfterHours(utcColumn,
            $"CASE {timeZoneColumn} WHEN '{RegionTimeZone.Wita.Id}' THEN {RegionTimeZone.Wita.UtcOffsetHours} " +
            $"WHEN '{RegionTimeZone.Wit.Id}' THEN {RegionTimeZone.Wit.UtcOffsetHours} ELSE {RegionTimeZone.Wib.UtcOffsetHours} END");

    /// <summary>Today's date plus <paramref name="days"/> in WIB, WITA and WIT at <paramref name="utc"/>.</summary>
    public static (DateOnly wib, DateOnly wita, DateOnly wit) DatesAt(DateTime utc, int days = 0) =>
        (DateAt(RegionTimeZone.Wib, utc).AddDays(days), DateAt(RegionTimeZone.Wita, utc).AddDays(days), DateAt(RegionTimeZone.Wit, utc).AddDays(days));

    /// <summary>The parameters of <see cref="TodaySql"/>: today's date in WIB, WITA and WIT at <paramref name="utc"/>.</summary>
    public static (DateOnly todayWib, DateOnly todayWita, DateOnly todayWit) TodayParameters(DateTime utc) => DatesAt(utc);

    /// <summary>The parameters of <see cref="TodaySql"/> now, by the injected clock.</summary>
    public (DateOnly todayWib, DateOnly todayWita, DateOnly todayWit) TodayParameters() => TodayParameters(time.GetUtcNow().UtcDateTime);
}
