namespace Readiness.Data.Coordination;

/// <summary>The states of a request for help, as stored (HelpRequests.State).</summary>
public static class HelpRequestState
{
    /// <summary>Asked, not answered yet.</summary>
    public const string Open = "terbuka";

    /// <summary>The asked agency will do it.</summary>
    public const string Accepted = "diterima";

    /// <summary>The asked agency cannot, with a reason.</summary>
    public const string Declined = "ditolak";

    /// <summary>Delivered: the asked agency's item is Siap.</summary>
    public const string Delivered = "dipenuhi";

    /// <summary>Still waited for by the asking agency: open or accepted.</summary>
    public static bool IsPending(string state) => state is Open or Accepted;
}
