using Readiness.Data.Elections;

namespace Readiness.Web.Components.Shared;

/// <summary>
/// Where a day falls on the stage timeline. Between each two dates at which a stage starts or ends, the days are
/// spread evenly, and each such span gets room by the logarithm of its length (1 + log2(1 + days)): a five-month stretch
/// of voter-list work is drawn a few times wider than the one-day voting, not 150 times, so the quiet period, voting
/// day and the count, the days a reader opens the timeline for, are bars and not dots. Order is kept: a later day is
/// always further right, and every stage's bar covers its own days.
/// </summary>
internal sealed class TimeScale
{
    private readonly int[] _days;
    private readonly double[] _xs;

    private TimeScale(int[] days, double[] xs)
    {
        _days = days;
        _xs = xs;
    }

    /// <summary>The scale of <paramref name="stages"/> (at least one) over <paramref name="width"/> units from <paramref name="x0"/>.</summary>
    public static TimeScale For(IReadOnlyList<Stage> stages, double x0, double width)
    {
        var days = stages.SelectMany(s => new[] { s.StartDate.DayNumber, s.EndDate.DayNumber + 1 }).Distinct().Order().ToArray();
        if (days.Length < 2)
        {
            days = [days[0], days[0] + 1];
        }

        var weights = days.Zip(days.Skip(1), (a, b) => 1 + Math.Log2(1 + b - a)).ToArray();
        var total = weights.Sum();
        var xs = new double[days.Length];
        xs[0] = x0;
        for (var i = 1; i < days.Length; i++)
        {
            xs[i] = xs[i - 1] + width * weights[i - 1] / total;
        }

        xs[^1] = x0 + width;
        return new TimeScale(days, xs);
    }

    /// <summary>The x of the start of <paramref name="day"/> (its midnight); days outside the stages are clamped to the ends.</summary>
    public double XOf(DateOnly day)
    {
        var n = day.DayNumber;
        if (n <= _days[0])
        {
            return _xs[0];
        }

        if (n >= _days[^1])
        {
            return _xs[^1];
        }

        var i = Array.BinarySearch(_days, n);
        if (i >= 0)
        {
            return _xs[i];
        }

        var upper = ~i;
        var lower = upper - 1;
        return _xs[lower] + (_xs[upper] - _xs[lower]) * (n - _days[lower]) / (_days[upper] - _days[lower]);
    }
}
