using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>
/// What a red flag is, in one place: an item is flagged when it is blocked (Kendala); otherwise, unless it is ready
/// (Siap), when its due date has passed in its region's own calendar, or when it is critical and due within
/// <see cref="DueSoonDays"/> days of that date. The C# form here and the SQL form (<see cref="SqlKind"/>) are built
/// from the same constants; a test runs both over the demo data and edge cases and requires them to agree item by item.
/// </summary>
public static class RedFlagRule
{
    /// <summary>A critical item due within this many days (today plus this many, inclusive) is flagged.</summary>
    public const int DueSoonDays = 3;

    /// <summary>Today's date in <paramref name="zone"/> at the provider's "now" (<see cref="RegionCalendar"/>).</summary>
    public static DateOnly TodayIn(RegionTimeZone zone, TimeProvider time) => TodayIn(zone, time.GetUtcNow().UtcDateTime);

    /// <summary>The date in <paramref name="zone"/> at the UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly TodayIn(RegionTimeZone zone, DateTime utc) => RegionCalendar.DateAt(zone, utc);

    /// <summary>
    /// The red-flag kind of an item with this status, criticality and due date when its region's date is
    /// <paramref name="regionToday"/>; null when it is no red flag.
    /// </summary>
    public static RedFlagKind? Classify(string status, string criticality, DateOnly dueDate, DateOnly regionToday)
    {
        if (status == ItemStatus.Blocked)
        {
            return RedFlagKind.Blocked;
        }

        if (status == ItemStatus.Ready)
        {
            return null;
        }

        if (IsOverdue(status, dueDate, regionToday))
        {
            return RedFlagKind.Overdue;
        }

        return criticality == Criticality.Critical && dueDate <= regionToday.AddDays(DueSoonDays) ? RedFlagKind.DueSoon : null;
    }

    /// <summary>The kind of <paramref name="item"/> now, judged by the date in its region's zone.</summary>
    public static RedFlagKind? Classify(ChecklistItem item, RegionTimeZone zone, TimeProvider time) =>
        Classify(item.Status, item.Criticality, item.DueDate, TodayIn(zone, time));

    /// <summary>
    /// What "overdue" (terlambat) means on every screen, on the map, in the tasks filter, on the item card and in
    /// escalation: an item that is neither Siap nor Kendala and whose due date is before today in its own region's zone
    /// (<paramref name="regionToday"/>, see <see cref="RegionCalendar"/>). A Kendala item is never overdue: it has a
    /// reported blocker and is handled by the Kendala rules (its own red flag, its own escalation after 24 hours
    /// unchanged, its own line in the digest), so a late item is counted in one place only and the totals add up
    /// (Kendala + overdue + due soon = the red flags). <see cref="SqlIsOverdue"/> is the same rule in SQL.
    /// </summary>
    public static bool IsOverdue(string status, DateOnly dueDate, DateOnly regionToday) =>
        status != ItemStatus.Ready && status != ItemStatus.Blocked && dueDate < regionToday;

    /// <summary>
    /// <see cref="IsOverdue"/> as a SQL condition over an item alias <paramref name="item"/> (Status, DueDate) and a
    /// region alias <paramref name="region"/> (TimeZone); it reads <c>@todayWib</c>, <c>@todayWita</c>, <c>@todayWit</c>
    /// (<see cref="RegionCalendar.TodayParameters(DateTime)"/>).
    /// </summary>
    internal static string SqlIsOverdue(string item, string region) =>
        SqlIsOverdueOn(item, RegionCalendar.TodaySql($"{region}.TimeZone"));

    /// <summary><see cref="IsOverdue"/> as a SQL condition when every item judged is in one zone whose date is <paramref name="today"/> (an expression).</summary>
    internal static string SqlIsOverdueOn(string item, string today) =>
        $"({item}.Status NOT IN ('{ItemStatus.Ready}', '{ItemStatus.Blocked}') AND {item}.DueDate < {today})";

    /// <summary>A SQL condition: the status column <paramref name="column"/> (<c>i.Status</c>, <c>e.StatusBefore</c>) holds <paramref name="status"/> (one of <see cref="ItemStatus"/>).</summary>
    internal static string SqlHasStatus(string column, string status) =>
        ItemStatus.IsValid(status) ? $"{column} = '{status}'" : throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status.");

    /// <summary>A SQL condition: the item alias <paramref name="item"/> is critical (<see cref="Criticality.Critical"/>).</summary>
    internal static string SqlIsCritical(string item) => $"{item}.Criticality = '{Criticality.Critical}'";

    /// <summary>
    /// The next instant (UTC) at which the date changes in one of the zones a region's subtree spans: the nation
    /// spans all three, any other region its province's one. Red-flag totals read before it must be read again after it.
    /// </summary>
    public static DateTime NextDayChangeUtc(string regionCode, DateTime utc)
    {
        var zones = regionCode.Length == 0
            ? [RegionTimeZone.Wib, RegionTimeZone.Wita, RegionTimeZone.Wit]
            : new[] { RegionTimeZone.ForProvince(regionCode[..2]) };
        return zones.Min(zone =>
        {
            var nextLocalMidnight = TodayIn(zone, utc).AddDays(1).ToDateTime(TimeOnly.MinValue);
            return DateTime.SpecifyKind(nextLocalMidnight.AddHours(-zone.UtcOffsetHours), DateTimeKind.Utc);
        });
    }

    /// <summary>
    /// The rule as one SQL expression over an item alias <paramref name="item"/> (Status, Criticality, DueDate) and a
    /// region alias <paramref name="region"/> (TimeZone): the <see cref="RedFlagKind"/> number, or NULL. It needs
    /// the parameters of <see cref="SqlParameters"/>.
    /// </summary>
    internal static string SqlKind(string item, string region)
    {
        var today = RegionCalendar.TodaySql($"{region}.TimeZone");
        var soon = RegionCalendar.DateSql($"{region}.TimeZone", "soon");
        return $"""
            CASE WHEN {item}.Status = '{ItemStatus.Blocked}' THEN {(int)RedFlagKind.Blocked}
                 WHEN {item}.Status = '{ItemStatus.Ready}' THEN NULL
                 WHEN {item}.DueDate < {today} THEN {(int)RedFlagKind.Overdue}
                 WHEN {item}.Criticality = '{Criticality.Critical}' AND {item}.DueDate <= {soon} THEN {(int)RedFlagKind.DueSoon}
            END
            """;
    }

    /// <summary>The parameters <see cref="SqlKind"/> reads: "today" and "today + DueSoonDays" in each zone at <paramref name="utc"/>.</summary>
    internal static SqlDates SqlParameters(DateTime utc)
    {
        var today = RegionCalendar.DatesAt(utc);
        var soon = RegionCalendar.DatesAt(utc, DueSoonDays);
        return new SqlDates(today.wib, today.wita, today.wit, soon.wib, soon.wita, soon.wit);
    }

    /// <summary>Named as the parameters of <see cref="SqlKind"/>.</summary>
    internal sealed record SqlDates(DateOnly todayWib, DateOnly todayWita, DateOnly todayWit, DateOnly soonWib, DateOnly soonWita, DateOnly soonWit);
}
