namespace Readiness.Data.Checklists;

/// <summary>An item of a <see cref="BulkStatusChange"/>, with the version the liaison saw.</summary>
public sealed record BulkItem(long ItemId, int ExpectedVersion);
