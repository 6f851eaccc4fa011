namespace Readiness.Web.Hosting;

/// <summary>The <c>Readiness</c> configuration section.</summary>
public sealed class ReadinessOptions
{
    public const string SectionName = "Readiness";

    /// <summary>Demo data and the "Mode demo" mark. Defaults to on with the embedded SQLite, off with SQL Server.</summary>
    public bool? Demo { get; set; }

    /// <summary>The password of every demo user (printed at start in demo mode).</summary>
    public string DemoPassword { get; set; } = "demo-kesiapan-pilkada";
}
