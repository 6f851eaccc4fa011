namespace Readiness.Data.Checklists;

/// <summary>A region in which a liaison has items, for the region picker, with how many.</summary>
public sealed record TaskRegion
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required int Items { get; init; }
}
