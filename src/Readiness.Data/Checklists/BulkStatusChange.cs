namespace Readiness.Data.Checklists;

/// <summary>
/// One status (and optionally one note) for several items, each with the version the liaison saw. <see cref="OperationId"/>
/// is made once when the liaison starts the bulk action; a replay of the same request carries it again.
/// </summary>
public sealed record BulkStatusChange(IReadOnlyList<BulkItem> Items, string Status, string? Note, Guid OperationId);
