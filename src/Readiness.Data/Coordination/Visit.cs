namespace Readiness.Data.Coordination;

/// <summary>
/// A recorded visit or meeting with how far its instructions are. <see cref="HeldOn"/> is a date in the region's
/// calendar; <see cref="RecordedAtUtc"/> is UTC. <see cref="Attendees"/>, <see cref="Minutes"/> and
/// <see cref="RecordedBy"/> are empty for a reader who sees counts only (viewers, screens).
/// </summary>
public sealed record Visit
{
    public required long Id { get; init; }

    public required int ElectionId { get; init; }

    public required string RegionCode { get; init; }

    public required string RegionName { get; init; }

    /// <summary>The region's IANA zone id (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).</summary>
    public required string TimeZone { get; init; }

    /// <summary>One of <see cref="VisitKind"/>.</summary>
    public required string Kind { get; init; }

    public required DateOnly HeldOn { get; init; }

    public required string Place { get; init; }

    public string Attendees { get; init; } = "";

    public string? Minutes { get; init; }

    public string RecordedBy { get; init; } = "";

    public required DateTime RecordedAtUtc { get; init; }

    /// <summary>How many instructions were given.</summary>
    public int InstructionCount { get; init; }

    /// <summary>How many of them are Siap.</summary>
    public int ReadyCount { get; init; }
}
