namespace Readiness.Data.Coordination;

/// <summary>Requests still waited for from one agency to another in a region and under it (at least one).</summary>
public sealed record RequestPair
{
    /// <summary>The asking agency's code.</summary>
    public required string FromAgencyCode { get; init; }

    /// <summary>The asked agency's code.</summary>
    public required string ToAgencyCode { get; init; }

    /// <summary>How many are still waited for.</summary>
    public required int OpenCount { get; init; }
}
