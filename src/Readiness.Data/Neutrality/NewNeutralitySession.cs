namespace Readiness.Data.Neutrality;

/// <summary>A socialisation session to record: region, local date, audience (1-200 characters), participants (0-100,000), a note of up to 1,000 characters.</summary>
public sealed record NewNeutralitySession(string RegionCode, DateOnly HeldOn, string Audience, int Participants, string? Note);
