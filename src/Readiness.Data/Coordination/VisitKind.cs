namespace Readiness.Data.Coordination;

/// <summary>What kind of gathering gave the instructions (CoordinationVisits.Kind).</summary>
public static class VisitKind
{
    /// <summary>A leader's field visit (kunjungan kerja).</summary>
    public const string Visit = "kunjungan";

    /// <summary>A coordination meeting (rapat koordinasi).</summary>
    public const string Meeting = "rapat";

    /// <summary>Whether <paramref name="kind"/> is one of the two.</summary>
    public static bool IsValid(string? kind) => kind is Visit or Meeting;
}
