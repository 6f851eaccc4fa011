namespace Readiness.Data.Checklists;

/// <summary>The four statuses of a checklist item, as stored.</summary>
public static class ItemStatus
{
    public const string NotStarted = "belum";
    public const string InProgress = "proses";
    public const string Ready = "siap";
    public const string Blocked = "kendala";

    public static readonly IReadOnlyList<string> All = [NotStarted, InProgress, Ready, Blocked];

    public static bool IsValid(string? status) => status is not null && All.Contains(status);
}

/// <summary>How much a missing item matters.</summary>
public static class Criticality
{
    public const string Critical = "kritis";
    public const string Important = "penting";
    public const string Normal = "biasa";

    public static readonly IReadOnlyList<string> All = [Critical, Important, Normal];

    public static bool IsValid(string? value) => value is not null && All.Contains(value);
}
