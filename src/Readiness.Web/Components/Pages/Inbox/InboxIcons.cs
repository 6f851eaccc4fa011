using MudBlazor;
using Readiness.Data.Notifications;

namespace Readiness.Web.Components.Pages.Inbox;

/// <summary>The icon of a notice's kind, the same on a group row and on its notices (beside words, never alone).</summary>
public static class InboxIcons
{
    /// <summary>The Material icon of <paramref name="kind"/> (one of <see cref="EscalationKinds"/>); the sun for a digest.</summary>
    public static string Of(string kind) => kind switch
    {
        EscalationKinds.Blocked => Icons.Material.Filled.Block,
        EscalationKinds.Overdue => Icons.Material.Filled.EventBusy,
        EscalationKinds.Netralitas => Icons.Material.Filled.Balance,
        EscalationKinds.Kamtibmas => Icons.Material.Filled.Shield,
        EscalationKinds.Kejadian => Icons.Material.Filled.ReportProblem,
        EscalationKinds.Permintaan => Icons.Material.Filled.Handshake,
        EscalationKinds.Arahan => Icons.Material.Filled.Assignment,
        _ => Icons.Material.Filled.WbSunny,
    };
}
