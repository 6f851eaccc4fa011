namespace Readiness.Data.Coordination;

/// <summary>
/// The stages before which each agency head declares readiness (Stages.Code): the quiet period and voting day.
/// </summary>
public static class DeclarationMoment
{
    /// <summary>Before the quiet period (masa tenang).</summary>
    public const string QuietPeriod = "TENANG";

    /// <summary>Before voting day (pemungutan suara).</summary>
    public const string VotingDay = "PEMUNGUTAN";

    /// <summary>Both, in order.</summary>
    public static readonly IReadOnlyList<string> All = [QuietPeriod, VotingDay];

    /// <summary>Whether <paramref name="moment"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? moment) => moment is not null && All.Contains(moment);

    /// <summary>
    /// The declaration that matters on <paramref name="today"/> (the region's own date): the quiet period's until it
    /// starts, voting day's from then on. <paramref name="quietPeriodStart"/> null (an election without that stage):
    /// voting day's.
    /// </summary>
    public static string Current(DateOnly today, DateOnly? quietPeriodStart) =>
        quietPeriodStart is { } start && today < start ? QuietPeriod : VotingDay;
}
