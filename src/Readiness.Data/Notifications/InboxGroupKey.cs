namespace Readiness.Data.Notifications;

/// <summary>
/// What a row of the inbox gathers: one rule's notices about one region on one local day (the region's own zone;
/// the digest's zone for a digest, which has no region).
/// </summary>
/// <param name="RuleId">The rule that made the notices.</param>
/// <param name="RegionCode">The notices' region; null for digests.</param>
/// <param name="Date">The day the notices were made, in the region's own zone.</param>
public sealed record InboxGroupKey(int RuleId, string? RegionCode, DateOnly Date);
