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

    /// <summary>A note as stored: trimmed, and null when blank.</summary>
    public static string? CleanNote(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();

    /// <summary>
    /// The note rule: Kendala must say what blocks and what is needed, so <see cref="Blocked"/> with a blank note
    /// (<paramref name="note"/> as typed) is refused (<see cref="InputException.BlockedNeedsNote"/>); every other
    /// status may go without one. The store enforces it; the card and the bulk bar ask it before sending.
    /// </summary>
    public static bool LacksNote(string status, string? note) => status == Blocked && CleanNote(note) is null;
}
