namespace Readiness.Data.Regions;

/// <summary>Vulnerability levels after Bawaslu's IKP 2024 (regency/city thresholds: high 49.33-100, medium 13.47-49.32).</summary>
public static class RiskLevel
{
    public const string Low = "rendah";
    public const string Medium = "sedang";
    public const string High = "tinggi";

    public static readonly IReadOnlyList<string> All = [Low, Medium, High];

    public static bool IsValid(string? level) => level is not null && All.Contains(level);

    /// <summary>Sort key: high risk first, unknown last.</summary>
    public static int Order(string? level) => level switch
    {
        High => 0,
        Medium => 1,
        Low => 2,
        _ => 3,
    };
}
