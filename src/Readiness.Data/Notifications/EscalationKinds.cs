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

    /// <summary>A recommendation on an ASN neutrality case past its deadline at the PPK.</summary>
    public const string Netralitas = "netralitas";

    /// <summary>A region's Kamtibmas estimate moved to AG (ambang gangguan) or GN (gangguan nyata).</summary>
    public const string Kamtibmas = "kamtibmas";

    /// <summary>An incident marked significant (penting).</summary>
    public const string Kejadian = "kejadian";

    /// <summary>A request for help between agencies unanswered for 24 hours.</summary>
    public const string Permintaan = "permintaan";

    /// <summary>A leader's instruction (arahan) for an agency.</summary>
    public const string Arahan = "arahan";

    /// <summary>The kinds the escalation engine runs over checklist items.</summary>
    public static readonly IReadOnlyList<string> ItemKinds = [Blocked, Overdue, Digest];

    /// <summary>The kinds written by the features themselves through <see cref="NoticeWriter"/>, with a subject and a link.</summary>
    public static readonly IReadOnlyList<string> Domain = [Netralitas, Kamtibmas, Kejadian, Permintaan, Arahan];

    public static readonly IReadOnlyList<string> All = [.. ItemKinds, .. Domain];
}
