namespace Readiness.Data.Neutrality;

/// <summary>
/// One change of a neutrality case (or of the OPD register or sessions): who, when (UTC), which step before and after,
/// and a detail that never holds personal data (the sanction, the PPK's deadline, a correction's reason).
/// </summary>
public sealed record NeutralityCaseEvent
{
    /// <summary>Sequence number, increasing.</summary>
    public required long Seq { get; init; }

    /// <summary>The case (or OPD, or session) id.</summary>
    public required int SubjectId { get; init; }

    /// <summary>What happened: dibuat, langkah, koreksi, ikrar, satgas.</summary>
    public required string Action { get; init; }

    /// <summary>Step before, for a case.</summary>
    public string? StepBefore { get; init; }

    /// <summary>Step after, for a case.</summary>
    public string? StepAfter { get; init; }

    /// <summary>The sanction, the deadline (yyyy-MM-dd) or a correction's reason; never a name.</summary>
    public string? Detail { get; init; }

    /// <summary>Who (user name).</summary>
    public required string Actor { get; init; }

    /// <summary>When, UTC.</summary>
    public required DateTime AtUtc { get; init; }
}
