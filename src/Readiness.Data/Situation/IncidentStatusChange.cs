namespace Readiness.Data.Situation;

/// <summary>
/// A move of an incident's handling: the new status, a note (required when closing, at most 1,000 characters), the
/// agencies handling it now (null: unchanged), the version the person saw and a client-made operation id.
/// </summary>
public sealed record IncidentStatusChange(long IncidentId, int ExpectedVersion, string Status, string? Note, IReadOnlyList<string>? HandlingAgencies, Guid OperationId);
