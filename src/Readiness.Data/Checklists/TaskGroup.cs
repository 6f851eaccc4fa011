namespace Readiness.Data.Checklists;

/// <summary>
/// One checklist item across the regions of a liaison's scope ("PPK menerima logistik…: 14 of 20 kecamatan Siap"),
/// counted over the items that match the filter.
/// </summary>
public sealed record TaskGroup
{
    /// <summary>The template item's id; for an item a liaison added, its own id negated. Use as <see cref="TaskFilter.Group"/>.</summary>
    public required int Key { get; init; }

    public required string Title { get; init; }

    public required string StageName { get; init; }

    public required int StageSortOrder { get; init; }

    public required int Total { get; init; }

    public required int Ready { get; init; }

    public required int InProgress { get; init; }

    public required int Blocked { get; init; }

    public required int NotStarted { get; init; }
}
