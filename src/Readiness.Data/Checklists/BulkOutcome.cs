namespace Readiness.Data.Checklists;

/// <summary>
/// What came of one item of a bulk change: the store's <see cref="SaveResult"/> (saved, already applied, conflict or
/// not found), or, when the item was refused, <see cref="Refusal"/>: the resource key of the message to show.
/// </summary>
public sealed record BulkOutcome(long ItemId, SaveResult? Result, string? Refusal)
{
    public bool IsSaved => Result is SaveResult.Saved or SaveResult.AlreadyApplied;
}
