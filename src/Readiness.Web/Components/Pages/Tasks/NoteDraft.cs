namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>
/// An unsaved note as the browser kept it: the text, the status it was meant to be saved with, the item's version when
/// the edit began, and when it was last typed (milliseconds since 1970, UTC, the browser's clock).
/// </summary>
public sealed record NoteDraft(string Text, string? Status, int Version, double At);
