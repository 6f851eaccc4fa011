namespace Readiness.Data.Feed;

/// <summary>
/// One row of the region activity log as the live feed delivers it: where and what kind of panel changed, never who
/// is named in it. Screens reload the panel of <see cref="Kind"/> for <see cref="RegionCode"/>.
/// </summary>
public sealed record RegionActivity
{
    /// <summary>Position in the log, increasing.</summary>
    public required long Seq { get; init; }

    /// <summary>The Kemendagri code of the region changed.</summary>
    public required string RegionCode { get; init; }

    /// <summary>One of <see cref="ActivityKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The changed row's id in the feature's table; null when none.</summary>
    public long? SubjectId { get; init; }

    /// <summary>When the change was made, UTC.</summary>
    public required DateTime AtUtc { get; init; }
}
