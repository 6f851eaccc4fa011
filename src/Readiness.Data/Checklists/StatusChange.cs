namespace Readiness.Data.Checklists;

/// <summary>
/// A status change a user asks for, with the version they saw and the id made when their edit began. On an item that
/// counts something, <see cref="Done"/> and <see cref="Target"/> set its number in the same save (null: unchanged).
/// </summary>
public sealed record StatusChange(long ItemId, int ExpectedVersion, string Status, string? Note, Guid OperationId,
    int? Done = null, int? Target = null);
