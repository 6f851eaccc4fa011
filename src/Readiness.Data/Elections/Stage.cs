namespace Readiness.Data.Elections;

/// <summary>A stage (tahapan) of an election, with its dates (both inclusive, in the region's local calendar).</summary>
public sealed record Stage
{
    public required int Id { get; init; }

    public required int ElectionId { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required int SortOrder { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public bool Contains(DateOnly day) => day >= StartDate && day <= EndDate;
}
