namespace Readiness.Data.Coordination;

/// <summary>An item a coordination step creates for an agency: where, when, what, and the number it counts if any.</summary>
internal sealed record ItemDraft(int ElectionId, string RegionCode, string AgencyCode, int StageId, string Title, string Criticality,
    DateOnly DueDate, string? Unit = null, int? Target = null);
