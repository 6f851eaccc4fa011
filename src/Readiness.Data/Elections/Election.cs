namespace Readiness.Data.Elections;

public sealed record Election
{
    public required int Id { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required DateOnly VotingDay { get; init; }

    public bool IsDemo { get; init; }
}
