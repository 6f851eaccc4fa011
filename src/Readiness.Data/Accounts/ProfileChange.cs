namespace Readiness.Data.Accounts;

/// <summary>What a user edits of their own profile: full name, position and mobile number (as typed).</summary>
public sealed record ProfileChange(string FullName, string? Position, string? Phone);
