namespace Readiness.Data.Regions;

/// <summary>
/// "Today" differs across Indonesia's three zones: SQL that judges an item by the date in its own region's zone uses
/// <see cref="Expression"/> with the parameters from <see cref="Parameters"/>.
/// </summary>
internal static class RegionToday
{
    /// <summary>A SQL expression for today's date in the zone named by <paramref name="timeZoneColumn"/>.</summary>
    public static string Expression(string timeZoneColumn) =>
        $"CASE {timeZoneColumn} WHEN 'Asia/Makassar' THEN @todayWita WHEN 'Asia/Jayapura' THEN @todayWit ELSE @todayWib END";

    /// <summary>Today's date in WIB, WITA and WIT at <paramref name="utcNow"/>.</summary>
    public static (DateOnly todayWib, DateOnly todayWita, DateOnly todayWit) Parameters(DateTime utcNow) => (
        DateOnly.FromDateTime(RegionTimeZone.Wib.ToLocal(utcNow)),
        DateOnly.FromDateTime(RegionTimeZone.Wita.ToLocal(utcNow)),
        DateOnly.FromDateTime(RegionTimeZone.Wit.ToLocal(utcNow)));
}
