using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Shared;

namespace Readiness.Data.Coordination;

/// <summary>
/// Who may do what in coordination, as methods over <see cref="Actor"/>: leaders record visits, meetings and their
/// instructions in their scope; a liaison asks for help from, answers for, and declares readiness of their own
/// agency in their scope; everyone who sees a region sees counts and statuses, and only admins, leaders and liaisons
/// see names (who asked, the agency head who declared). The stores check with the <c>Require...</c> methods.
/// </summary>
public static class CoordinationRights
{
    /// <summary>A leader in whose scope the region lies records a visit or meeting and its instructions there.</summary>
    public static bool CanRecordVisit(this Actor actor, string regionCode) => actor.Role == Roles.Leader && actor.CanSee(regionCode);

    /// <summary>A liaison asks another agency for help from an item of their own agency in their scope.</summary>
    public static bool CanAskHelp(this Actor actor, string regionCode, string fromAgencyCode) => actor.CanChangeItem(regionCode, fromAgencyCode);

    /// <summary>A liaison of the asked agency answers a request in their scope.</summary>
    public static bool CanAnswerHelp(this Actor actor, string regionCode, string toAgencyCode) => actor.CanChangeItem(regionCode, toAgencyCode);

    /// <summary>A liaison records their own agency's readiness declaration for a regency in their scope.</summary>
    public static bool CanDeclare(this Actor actor, string regencyCode, string agencyCode) => actor.CanChangeItem(regencyCode, agencyCode);

    /// <summary>Names (who asked and answered, the head who declared, the exceptions) for admins, leaders and liaisons; counts and statuses for the rest.</summary>
    public static bool CanSeeNames(this Actor actor, string regionCode) =>
        actor.Role is Roles.Admin or Roles.Leader or Roles.Liaison && actor.CanSee(regionCode);

    /// <summary>Throws (after logging) unless <see cref="CanRecordVisit"/>.</summary>
    /// <exception cref="AccessDeniedException">Reason OutOfScope (a leader elsewhere) or ReadOnly (other roles).</exception>
    public static void RequireRecordVisit(this Actor actor, string regionCode, ILogger logger)
    {
        if (!actor.CanRecordVisit(regionCode))
        {
            throw Refusal.Deny(logger, actor, "record a visit", regionCode,
                actor.Role == Roles.Leader ? AccessDeniedException.OutOfScope : AccessDeniedException.ReadOnly);
        }
    }
}
