namespace Readiness.Data.Notifications;

/// <summary>
/// The figures of a morning digest, stored as JSON in <c>Notifications.Details</c>: for the recipient's regions in
/// one time zone, Kendala items new in the last 24 hours, critical items past due, and readiness per agency now and
/// 24 hours earlier.
/// </summary>
public sealed record DigestDetails
{
    /// <summary>Time zone id of the regions covered (<c>Asia/Jakarta</c>, <c>Asia/Makassar</c>, <c>Asia/Jayapura</c>).</summary>
    public required string Zone { get; init; }

    /// <summary>The local date of the digest.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Region codes the digest covers (the recipient's scopes in that zone).</summary>
    public required IReadOnlyList<string> RegionCodes { get; init; }

    public int NewBlocked { get; init; }

    public int OverdueCritical { get; init; }

    public IReadOnlyList<DigestAgencyLine> Agencies { get; init; } = [];
}
