namespace Readiness.Data.Checklists;

/// <summary>One red flag: the item with its region and stage, why it is flagged, and its regency's risk level (null when not set).</summary>
public sealed record RedFlag(ItemView View, RedFlagKind Kind, string? RiskLevel);
