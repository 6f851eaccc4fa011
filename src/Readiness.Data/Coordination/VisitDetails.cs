namespace Readiness.Data.Coordination;

/// <summary>A visit with each of its instructions as their items stand now (by agency, region, due date).</summary>
public sealed record VisitDetails(Visit Visit, IReadOnlyList<Instruction> Instructions);
