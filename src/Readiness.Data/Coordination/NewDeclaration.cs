namespace Readiness.Data.Coordination;

/// <summary>
/// An agency head's readiness declaration for a regency or city before <see cref="Moment"/> (one of
/// <see cref="DeclarationMoment"/>): the head's name and position (at most 100 characters each) and the open items
/// they accept as exceptions (plain text, at most 1000 characters; null when none).
/// </summary>
public sealed record NewDeclaration(int ElectionId, string RegencyCode, string AgencyCode, string Moment, string HeadName, string HeadPosition,
    string? Exceptions);
