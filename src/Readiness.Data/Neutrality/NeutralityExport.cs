namespace Readiness.Data.Neutrality;

/// <summary>What a neutrality spreadsheet holds: the cases as the reader may see them (newest first) and every case event (oldest first, no personal data).</summary>
public sealed record NeutralityExport(IReadOnlyList<NeutralityCase> Cases, IReadOnlyList<NeutralityCaseEvent> Events);
