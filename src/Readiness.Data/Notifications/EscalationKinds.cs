namespace Readiness.Data.Notifications;

/// <summary>What an escalation rule watches, as stored in <c>EscalationRules.Kind</c> and <c>Notifications.Kind</c>.</summary>
public static class EscalationKinds
{
    /// <summary>A Kendala item unchanged for the rule's <c>AfterHours</c>.</summary>
    public const string Blocked = "kendala";

    /// <summary>An item of the rule's criticality past its due date in its region's own time zone.</summary>
    public const string Overdue = "lewat_tenggat";

    /// <summary>The morning digest at the rule's local hour, per recipient and time zone.</summary>
    public const string Digest = "ringkasan";

    public static readonly IReadOnlyList<string> All = [Blocked, Overdue, Digest];
}
