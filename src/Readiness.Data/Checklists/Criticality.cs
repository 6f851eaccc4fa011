namespace Readiness.Data.Checklists;

/// <summary>How much a missing item matters.</summary>
public static class Criticality
{
    public const string Critical = "kritis";
    public const string Important = "penting";
    public const string Normal = "biasa";

    public static readonly IReadOnlyList<string> All = [Critical, Important, Normal];

    public static bool IsValid(string? value) => value is not null && All.Contains(value);
}
