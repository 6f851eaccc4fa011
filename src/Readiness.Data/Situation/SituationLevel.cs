namespace Readiness.Data.Situation;

/// <summary>
/// The Kamtibmas estimate of a region, in the police's own stages: kondusif (calm), PG (potensi gangguan: a threat is
/// possible), AG (ambang gangguan: on the threshold) and GN (gangguan nyata: disturbance under way). Stored as the
/// lower-case codes below.
/// </summary>
public static class SituationLevel
{
    /// <summary>Calm.</summary>
    public const string Calm = "kondusif";

    /// <summary>PG, potensi gangguan.</summary>
    public const string Potential = "pg";

    /// <summary>AG, ambang gangguan.</summary>
    public const string Threshold = "ag";

    /// <summary>GN, gangguan nyata.</summary>
    public const string Actual = "gn";

    /// <summary>Every level, calmest first.</summary>
    public static readonly IReadOnlyList<string> All = [Calm, Potential, Threshold, Actual];

    /// <summary>Whether <paramref name="level"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? level) => level is not null && All.Contains(level);

    /// <summary>0 (kondusif) to 3 (GN); -1 for no estimate. The worst of a subtree is the highest rank.</summary>
    public static int Rank(string? level) => level is null ? -1 : All.ToList().IndexOf(level);

    /// <summary>A move into AG or GN from a calmer level (or from none): the leaders in scope are told at once.</summary>
    public static bool Escalates(string? before, string after) => Rank(after) >= Rank(Threshold) && Rank(after) > Rank(before);

    /// <summary>The short label officials use: Kondusif, PG, AG, GN.</summary>
    public static string Short(string level) => level == Calm ? "Kondusif" : level.ToUpperInvariant();
}
