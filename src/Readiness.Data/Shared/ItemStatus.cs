namespace Readiness.Data.Shared;

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
