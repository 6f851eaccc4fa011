using Readiness.Data.Regions;

namespace Readiness.Data.Accounts;

/// <summary>
/// Who asks for a read or a change, as the services see it. Every service that changes data takes one and checks
/// it, whatever the page showed.
/// </summary>
public sealed record Actor
{
    public required string Name { get; init; }

    public required string Role { get; init; }

    /// <summary>The liaison officer's agency; null for every other role.</summary>
    public string? AgencyCode { get; init; }

    /// <summary>Region codes; the actor may act on a region when one of these is a prefix of its code.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public int? UserId { get; init; }

    public int? ScreenTokenId { get; init; }

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Admins see the whole nation; everyone else what their scopes cover.</summary>
    public bool CanSee(string regionCode) =>
        IsAdmin || Scopes.Any(scope => RegionCode.IsWithin(regionCode, scope));

    /// <summary>Only a liaison officer changes items, and only their own agency's, in their scope.</summary>
    public bool CanChangeItem(string regionCode, string agencyCode) =>
        Role == Roles.Liaison && AgencyCode == agencyCode && Scopes.Any(scope => RegionCode.IsWithin(regionCode, scope));

    /// <summary>Admins anywhere; leaders in their scope.</summary>
    public bool CanSetRiskLevel(string regionCode) =>
        IsAdmin || (Role == Roles.Leader && Scopes.Any(scope => RegionCode.IsWithin(regionCode, scope)));

    /// <summary>Users, scopes, templates and screen tokens are an admin's.</summary>
    public bool CanAdminister => IsAdmin;

    /// <summary>The scopes to read with: null means everything (admin).</summary>
    public IReadOnlyList<string>? ReadScopes => IsAdmin ? null : Scopes;
}

/// <summary>A refused action. <see cref="Reason"/> is a resource key for the message the user sees.</summary>
public sealed class AccessDeniedException(string reason, string detail) : Exception(detail)
{
    public const string NotYourAgency = "Access.NotYourAgency";
    public const string OutOfScope = "Access.OutOfScope";
    public const string AdminOnly = "Access.AdminOnly";
    public const string ReadOnly = "Access.ReadOnly";

    public string Reason { get; } = reason;
}
