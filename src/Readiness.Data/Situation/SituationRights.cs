using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Shared;

namespace Readiness.Data.Situation;

/// <summary>
/// Who may do what with the Kamtibmas estimate and the incident log. Reading follows <see cref="Actor.CanSee"/>.
/// The estimate is the Polri and Pemda (Kesbangpol) liaisons' judgement in their scope; leaders (who answer for the
/// region) and admins may set it too. Any liaison in scope records and updates incidents, as do leaders and admins.
/// A leader or a Polri liaison in scope (and an admin) marks an incident significant. Viewers and screens only read.
/// </summary>
public static class SituationRights
{
    /// <summary>Set the estimate of <paramref name="regionCode"/>.</summary>
    public static bool CanSetSituation(this Actor actor, string regionCode) =>
        actor.IsAdmin
        || (actor.Role == Roles.Leader && actor.CanSee(regionCode))
        || (actor.Role == Roles.Liaison && actor.AgencyCode is Agency.Polri or Agency.Pemda && actor.CanSee(regionCode));

    /// <summary>Record an incident in <paramref name="regionCode"/>, or change one there.</summary>
    public static bool CanRecordIncident(this Actor actor, string regionCode) =>
        actor.Role is Roles.Admin or Roles.Leader or Roles.Liaison && actor.CanSee(regionCode);

    /// <summary>Mark an incident in <paramref name="regionCode"/> significant (penting).</summary>
    public static bool CanMarkSignificant(this Actor actor, string regionCode) =>
        actor.IsAdmin
        || (actor.Role == Roles.Leader && actor.CanSee(regionCode))
        || (actor.Role == Roles.Liaison && actor.AgencyCode == Agency.Polri && actor.CanSee(regionCode));

    /// <summary>Export the incident log under <paramref name="regionCode"/>: as for checklist items.</summary>
    public static bool CanExportIncidents(this Actor actor, string regionCode) => actor.CanExport(regionCode);

    /// <summary>Throws (after logging) unless <see cref="CanSetSituation"/>.</summary>
    /// <exception cref="AccessDeniedException">OutOfScope when the role could elsewhere, NotYourAgency for other liaisons, ReadOnly otherwise.</exception>
    public static void RequireSetSituation(this Actor actor, string regionCode, ILogger logger)
    {
        if (!actor.CanSetSituation(regionCode))
        {
            throw Refusal.Deny(logger, actor, "set the Kamtibmas level", regionCode, Reason(actor, regionCode, actor.AgencyCode is Agency.Polri or Agency.Pemda));
        }
    }

    /// <summary>Throws (after logging) unless <see cref="CanRecordIncident"/>.</summary>
    /// <exception cref="AccessDeniedException">OutOfScope or ReadOnly.</exception>
    public static void RequireRecordIncident(this Actor actor, string regionCode, ILogger logger)
    {
        if (!actor.CanRecordIncident(regionCode))
        {
            throw Refusal.Deny(logger, actor, "record an incident", regionCode, Reason(actor, regionCode, true));
        }
    }

    /// <summary>Throws (after logging) unless <see cref="CanMarkSignificant"/>.</summary>
    /// <exception cref="AccessDeniedException">OutOfScope, NotYourAgency or ReadOnly.</exception>
    public static void RequireMarkSignificant(this Actor actor, string regionCode, ILogger logger)
    {
        if (!actor.CanMarkSignificant(regionCode))
        {
            throw Refusal.Deny(logger, actor, "mark an incident significant", regionCode, Reason(actor, regionCode, actor.AgencyCode == Agency.Polri));
        }
    }

    /// <summary>Throws (after logging) unless <see cref="Actor.CanSee"/>.</summary>
    /// <exception cref="AccessDeniedException">OutOfScope.</exception>
    public static void RequireSeeSituation(this Actor actor, string regionCode, ILogger logger) =>
        actor.RequireSee(regionCode, logger, "read the Kamtibmas situation");

    /// <summary>Throws (after logging) unless <see cref="CanExportIncidents"/>.</summary>
    /// <exception cref="AccessDeniedException">OutOfScope or ReadOnly.</exception>
    public static void RequireExportIncidents(this Actor actor, string regionCode, ILogger logger)
    {
        if (!actor.CanExportIncidents(regionCode))
        {
            throw Refusal.Deny(logger, actor, "export incidents", regionCode,
                actor.Role is Roles.Admin or Roles.Leader or Roles.Liaison ? AccessDeniedException.OutOfScope : AccessDeniedException.ReadOnly);
        }
    }

    private static string Reason(Actor actor, string regionCode, bool agencyMayAct) => actor.Role switch
    {
        Roles.Viewer or Roles.Screen => AccessDeniedException.ReadOnly,
        Roles.Liaison when !agencyMayAct => AccessDeniedException.NotYourAgency,
        _ when !actor.CanSee(regionCode) => AccessDeniedException.OutOfScope,
        _ => AccessDeniedException.ReadOnly,
    };
}
