namespace Readiness.Data.Coordination;

/// <summary>
/// A leader's visit (<see cref="VisitKind.Visit"/>) or coordination meeting (<see cref="VisitKind.Meeting"/>) as
/// recorded: the regency or kecamatan, the date it was held (region's calendar), the place, who attended and short
/// minutes (plain text), with its instructions (1 to <see cref="VisitStore.MaxInstructions"/>).
/// </summary>
public sealed record NewVisit(int ElectionId, string RegionCode, string Kind, DateOnly HeldOn, string Place, string Attendees,
    string? Minutes, IReadOnlyList<NewInstruction> Instructions);
