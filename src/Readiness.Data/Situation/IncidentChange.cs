namespace Readiness.Data.Situation;

/// <summary>One row of an incident's history (<c>IncidentEvents</c>): what changed (<see cref="Change"/>), the status
/// before and after, the note typed (plain text), the item linked (for <c>tautan</c>), who and when (UTC).</summary>
public sealed record IncidentChange
{
    /// <summary>The event's sequence number.</summary>
    public required long Seq { get; init; }

    /// <summary>The incident.</summary>
    public required long IncidentId { get; init; }

    /// <summary>dicatat (recorded), diubah (edited), status, penting (marked significant) or tautan (item linked).</summary>
    public required string Change { get; init; }

    /// <summary>Status before; null when recorded.</summary>
    public string? StatusBefore { get; init; }

    /// <summary>Status after.</summary>
    public required string StatusAfter { get; init; }

    /// <summary>Note typed with the change.</summary>
    public string? Note { get; init; }

    /// <summary>The checklist item linked, for a <c>tautan</c> change.</summary>
    public long? ItemId { get; init; }

    /// <summary>Who.</summary>
    public required string Actor { get; init; }

    /// <summary>When, UTC.</summary>
    public required DateTime AtUtc { get; init; }

    /// <summary>Recorded.</summary>
    public const string Recorded = "dicatat";

    /// <summary>Details edited.</summary>
    public const string Edited = "diubah";

    /// <summary>Status moved.</summary>
    public const string StatusMoved = "status";

    /// <summary>Marked significant.</summary>
    public const string MarkedSignificant = "penting";

    /// <summary>A checklist item linked.</summary>
    public const string Linked = "tautan";
}
