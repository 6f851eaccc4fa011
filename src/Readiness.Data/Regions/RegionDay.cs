using Readiness.Data.Elections;

namespace Readiness.Data.Regions;

/// <summary>
/// One day of a region's calendar (<see cref="RegionCalendar.DayAsync"/>): the date in its zone, the current election
/// (null when there is none) with its stages in order, the stage under way and the days to voting.
/// </summary>
public sealed record RegionDay(RegionTimeZone Zone, DateOnly Today, Election? Election, IReadOnlyList<Stage> Stages)
{
    /// <summary>
    /// The stage under way: of the stages whose dates (inclusive, local) contain <see cref="Today"/>, the one that
    /// started last (stages overlap); null between or outside stages.
    /// </summary>
    public Stage? CurrentStage => Stages.Where(s => s.Contains(Today)).MaxBy(s => s.StartDate);

    /// <summary>Days from today to voting day: 0 on voting day, negative after it; null without an election.</summary>
    public int? DaysToVoting => Election is null ? null : Election.VotingDay.DayNumber - Today.DayNumber;

    /// <summary>The same election and stages on another date (the day turned at local midnight).</summary>
    public RegionDay On(DateOnly today) => this with { Today = today };
}
