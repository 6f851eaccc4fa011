using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;

namespace Readiness.Data.Accounts;

/// <summary>
/// Who asks for a read or a change, as the services see it; made from a signed-in principal by
/// <see cref="ReadinessClaims.ToActor"/> (users and screen tokens alike). Every permission is one method here:
/// <see cref="CanSee"/>, <see cref="CanChangeItem"/>, <see cref="CanExport"/>, <see cref="CanAdminister"/>,
/// <see cref="CanSetRiskLevel"/>, <see cref="CanSetFigure"/>. Services check with the matching <c>Require...</c> method, which logs a refusal
/// through <see cref="Refusal"/> and throws <see cref="AccessDeniedException"/>; pages ask the <c>Can...</c> methods
/// only to decide what to show.
/// </summary>
public sealed record Actor
{
    /// <summary>User name, or <c>layar:NAME</c> for a screen token.</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="Roles"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The liaison officer's agency; null for every other role.</summary>
    public string? AgencyCode { get; init; }

    /// <summary>Region codes; the actor may act on a region when one of these is the region or above it.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The user's id; null for a screen.</summary>
    public int? UserId { get; init; }

    /// <summary>The screen token's id; null for a user.</summary>
    public int? ScreenTokenId { get; init; }

    /// <summary>An admin: sees the whole nation and administers.</summary>
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>View: admins see the nation (<c>""</c>) and every region; everyone else the regions under their scopes.</summary>
    public bool CanSee(string regionCode) => IsAdmin || InScope(regionCode);

    /// <summary>Change: only a liaison officer changes (and adds) items, and only their own agency's, in their scope.</summary>
    public bool CanChangeItem(string regionCode, string agencyCode) =>
        Role == Roles.Liaison && AgencyCode is not null && AgencyCode == agencyCode && InScope(regionCode);

    /// <summary>Export: admins, leaders and liaison officers export the items of a region they see; viewers and screens do not.</summary>
    public bool CanExport(string regionCode) => Role is Roles.Admin or Roles.Leader or Roles.Liaison && CanSee(regionCode);

    /// <summary>What an export holds: a liaison officer's own agency only; null means every agency.</summary>
    public string? ExportAgency => Role == Roles.Liaison ? AgencyCode : null;

    /// <summary>Administer: users, scopes, templates and screen tokens are an admin's.</summary>
    public bool CanAdminister => IsAdmin;

    /// <summary>Set risk: admins anywhere; leaders in their scope.</summary>
    public bool CanSetRiskLevel(string regionCode) => IsAdmin || (Role == Roles.Leader && InScope(regionCode));

    /// <summary>Throws (after logging) unless <see cref="CanSee"/>.</summary>
    /// <exception cref="AccessDeniedException">Reason <see cref="AccessDeniedException.OutOfScope"/>.</exception>
    public void RequireSee(string regionCode, ILogger logger, string action)
    {
        if (!CanSee(regionCode))
        {
            throw Refusal.Deny(logger, this, action, regionCode, AccessDeniedException.OutOfScope);
        }
    }

    /// <summary>Throws (after logging) unless <see cref="CanChangeItem"/>, saying whether the agency, the scope or the role is wrong.</summary>
    /// <exception cref="AccessDeniedException">Reason NotYourAgency, OutOfScope or ReadOnly.</exception>
    public void RequireChangeItem(string regionCode, string agencyCode, ILogger logger, string action)
    {
        if (!CanChangeItem(regionCode, agencyCode))
        {
            var reason = Role != Roles.Liaison ? AccessDeniedException.ReadOnly
                : InScope(regionCode) ? AccessDeniedException.NotYourAgency
                : AccessDeniedException.OutOfScope;
            throw Refusal.Deny(logger, this, action, regionCode, reason);
        }
    }

    /// <summary>Throws (after logging) unless <see cref="CanExport"/>.</summary>
    /// <exception cref="AccessDeniedException">Reason ReadOnly (viewers, screens) or OutOfScope.</exception>
    public void RequireExport(string regionCode, ILogger logger)
    {
        if (!CanExport(regionCode))
        {
            throw Refusal.Deny(logger, this, "export items", regionCode,
                Role is Roles.Admin or Roles.Leader or Roles.Liaison ? AccessDeniedException.OutOfScope : AccessDeniedException.ReadOnly);
        }
    }

    /// <summary>Throws (after logging) unless <see cref="CanAdminister"/>.</summary>
    /// <exception cref="AccessDeniedException">Reason AdminOnly.</exception>
    public void RequireAdminister(ILogger logger, string action)
    {
        if (!CanAdminister)
        {
            throw Refusal.Deny(logger, this, action, "", AccessDeniedException.AdminOnly);
        }
    }

    /// <summary>Throws (after logging) unless <see cref="CanSetRiskLevel"/>.</summary>
    /// <exception cref="AccessDeniedException">Reason OutOfScope (a leader elsewhere) or ReadOnly (other roles).</exception>
    public void RequireSetRiskLevel(string regionCode, ILogger logger)
    {
        if (!CanSetRiskLevel(regionCode))
        {
            throw Refusal.Deny(logger, this, "set the risk level", regionCode,
                Role == Roles.Leader ? AccessDeniedException.OutOfScope : AccessDeniedException.ReadOnly);
        }
    }

    /// <summary>
    /// Set a kecamatan's figure: the TPS count is the KPU liaison's, Polri's classes of TPS the Polri liaison's, in
    /// their scope (<see cref="Figure.AgencyOf"/>). Everyone else reads them; an admin loads them from a CSV
    /// (<see cref="CanAdminister"/>).
    /// </summary>
    public bool CanSetFigure(string regionCode, string figure) =>
        Role == Roles.Liaison && AgencyCode is not null && AgencyCode == Figure.AgencyOf(figure) && InScope(regionCode);

    /// <summary>Throws (after logging) unless <see cref="CanSetFigure"/>, saying whether the agency, the scope or the role is wrong.</summary>
    /// <exception cref="AccessDeniedException">Reason NotYourAgency, OutOfScope or ReadOnly.</exception>
    public void RequireSetFigure(string regionCode, string figure, ILogger logger)
    {
        if (!CanSetFigure(regionCode, figure))
        {
            var reason = Role != Roles.Liaison ? AccessDeniedException.ReadOnly
                : InScope(regionCode) ? AccessDeniedException.NotYourAgency
                : AccessDeniedException.OutOfScope;
            throw Refusal.Deny(logger, this, "set the figure " + figure, regionCode, reason);
        }
    }

    private bool InScope(string regionCode) => Scopes.Any(scope => RegionCode.IsWithin(regionCode, scope));
}
