namespace Readiness.Data.Feed;

/// <summary>
/// One change to append to the region activity log with <see cref="ActivityLog.AppendAsync"/>, inside the
/// transaction of the change itself. It holds no personal data: every screen, screen token and hub client of the
/// region may receive it.
/// </summary>
public sealed record ActivityEntry
{
    /// <summary>The Kemendagri code of the region the change is in (a kecamatan's own code for a kecamatan).</summary>
    public required string RegionCode { get; init; }

    /// <summary>One of <see cref="ActivityKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The id of the changed row in the feature's own table (a case, an incident, a visit); null when none.</summary>
    public long? SubjectId { get; init; }

    /// <summary>Who made the change (user name).</summary>
    public required string Actor { get; init; }

    /// <summary>When, UTC.</summary>
    public required DateTime AtUtc { get; init; }

    /// <summary>The client-made operation id; a replay with the same id is refused by the unique index.</summary>
    public required Guid OperationId { get; init; }
}
