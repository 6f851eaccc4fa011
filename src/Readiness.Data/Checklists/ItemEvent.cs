namespace Readiness.Data.Checklists;

/// <summary>One line of an item's history, from the event log.</summary>
public sealed record ItemEvent
{
    public required long Seq { get; init; }

    public required long ItemId { get; init; }

    public string? StatusBefore { get; init; }

    public required string StatusAfter { get; init; }

    public string? Note { get; init; }

    public required string Actor { get; init; }

    public required DateTime AtUtc { get; init; }

    public required int ItemVersion { get; init; }

    /// <summary>How many were done before this change; null when not set.</summary>
    public int? DoneBefore { get; init; }

    /// <summary>How many were done after this change; null when not set.</summary>
    public int? DoneAfter { get; init; }

    /// <summary>The target after this change; null when none.</summary>
    public int? Target { get; init; }

    /// <summary>What the item counts; null for an item without a number.</summary>
    public string? Unit { get; init; }

    /// <summary>What happened to the item's evidence: foto or dokumen added, hapus removed; null for a status change.</summary>
    public string? Evidence { get; init; }

    /// <summary>Whether this change moved the number done.</summary>
    public bool NumberChanged => Unit is not null && DoneAfter is not null && DoneBefore != DoneAfter;
}
