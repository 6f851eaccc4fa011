using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Shared;

namespace Readiness.Data.Neutrality;

/// <summary>
/// Who may read and change ASN neutrality data. The neutrality store checks these; pages ask them only to decide
/// what to show. Personal data of a case (the civil servant's name, NIP, position and the account) is protected
/// under UU 27/2022: only Bawaslu liaisons and leaders whose scope covers the case's region, and admins, see it.
/// Everyone else who sees the region (other agencies' liaisons, viewers, screen tokens, the hub, the JSON API)
/// gets counts only.
/// </summary>
public static class NeutralityRights
{
    /// <summary>Counts (pledges, sessions, cases by step) of a region: everyone who sees the region.</summary>
    public static bool CanSeeNeutralityCounts(this Actor actor, string regionCode) => actor.CanSee(regionCode);

    /// <summary>Personal data of a case in <paramref name="regionCode"/>: admins, and Bawaslu liaisons and leaders in scope.</summary>
    public static bool CanSeeCasePersonalData(this Actor actor, string regionCode) =>
        actor.IsAdmin || ((IsBawaslu(actor) || actor.Role == Roles.Leader) && actor.CanSee(regionCode));

    /// <summary>Record a case and move it through Bawaslu's steps (to the recommendation at the PPK): Bawaslu liaisons in scope.</summary>
    public static bool CanRecordCase(this Actor actor, string regionCode) => IsBawaslu(actor) && actor.CanSee(regionCode);

    /// <summary>Record the PPK's sanction and its report back: the Pemda liaison or a leader in scope.</summary>
    public static bool CanRecordSanction(this Actor actor, string regionCode) =>
        (IsPemda(actor) || actor.Role == Roles.Leader) && actor.CanSee(regionCode);

    /// <summary>Keep the OPD register, pledges and Satgas: admins, and the Pemda liaison in scope.</summary>
    public static bool CanKeepOfficeRegister(this Actor actor, string regionCode) =>
        actor.IsAdmin || (IsPemda(actor) && actor.CanSee(regionCode));

    /// <summary>Record a socialisation session: the Pemda or Bawaslu liaison in scope.</summary>
    public static bool CanRecordSession(this Actor actor, string regionCode) =>
        (IsPemda(actor) || IsBawaslu(actor)) && actor.CanSee(regionCode);

    /// <summary>Export the cases of a region as a spreadsheet: every signed-in user who sees it (names only for those entitled); never a screen.</summary>
    public static bool CanExportNeutrality(this Actor actor, string regionCode) => actor.Role != Roles.Screen && actor.CanSee(regionCode);

    /// <summary>List who opened a case's personal data: admins.</summary>
    public static bool CanListCaseViews(this Actor actor) => actor.IsAdmin;

    /// <summary>Whether the step <paramref name="step"/> of a case in <paramref name="regionCode"/> is this actor's to record.</summary>
    public static bool CanRecordStep(this Actor actor, string regionCode, string step) =>
        NeutralitySteps.IsPpkStep(step) ? actor.CanRecordSanction(regionCode) : actor.CanRecordCase(regionCode);

    /// <summary>Throws (after logging) unless <paramref name="allowed"/>: OutOfScope when the region is not the actor's, ReadOnly otherwise.</summary>
    /// <exception cref="AccessDeniedException">Reason OutOfScope or ReadOnly.</exception>
    internal static void Require(this Actor actor, bool allowed, string regionCode, ILogger logger, string action)
    {
        if (!allowed)
        {
            throw Refusal.Deny(logger, actor, action, regionCode,
                actor.CanSee(regionCode) ? AccessDeniedException.ReadOnly : AccessDeniedException.OutOfScope);
        }
    }

    private static bool IsBawaslu(Actor actor) => actor.Role == Roles.Liaison && actor.AgencyCode == Agency.Bawaslu;

    private static bool IsPemda(Actor actor) => actor.Role == Roles.Liaison && actor.AgencyCode == Agency.Pemda;
}
