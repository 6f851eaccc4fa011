namespace Readiness.Data.Checklists;

/// <summary>A status change a user asks for, with the version they saw and the id made when their edit began.</summary>
public sealed record StatusChange(long ItemId, int ExpectedVersion, string Status, string? Note, Guid OperationId);
