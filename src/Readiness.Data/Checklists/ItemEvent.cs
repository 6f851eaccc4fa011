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
}
