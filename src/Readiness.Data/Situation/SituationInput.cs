namespace Readiness.Data.Situation;

/// <summary>
/// A new Kamtibmas estimate for a region: the level, a short reason (1-500 characters, plain text), the version the
/// person saw (0 when the region had no estimate) and a client-made operation id, so a replayed click writes nothing.
/// </summary>
public sealed record SituationInput(string RegionCode, string Level, string Reason, int ExpectedVersion, Guid OperationId);
