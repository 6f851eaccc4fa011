namespace Readiness.Data.Situation;

/// <summary>How bad an incident is: ringan (minor), sedang (moderate), berat (serious).</summary>
public static class IncidentSeverity
{
    /// <summary>Minor.</summary>
    public const string Minor = "ringan";

    /// <summary>Moderate.</summary>
    public const string Moderate = "sedang";

    /// <summary>Serious.</summary>
    public const string Serious = "berat";

    /// <summary>Every severity, lightest first.</summary>
    public static readonly IReadOnlyList<string> All = [Minor, Moderate, Serious];

    /// <summary>Whether <paramref name="severity"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? severity) => severity is not null && All.Contains(severity);
}
