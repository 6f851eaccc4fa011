namespace Readiness.Data.Neutrality;

/// <summary>Where a neutrality case comes from.</summary>
public static class NeutralitySources
{
    /// <summary>Found by Bawaslu's own supervision (temuan).</summary>
    public const string Finding = "temuan";

    /// <summary>Reported by the public (laporan).</summary>
    public const string Report = "laporan";

    /// <summary>Both sources.</summary>
    public static readonly IReadOnlyList<string> All = [Finding, Report];
}
