namespace Readiness.Data.Situation;

/// <summary>What became of a change to the incident log: one of the four cases below.</summary>
public abstract record IncidentSaveResult
{
    private IncidentSaveResult()
    {
    }

    /// <summary>Stored; <see cref="Seq"/> is the event's sequence number.</summary>
    public sealed record Saved(Incident Incident, long Seq) : IncidentSaveResult;

    /// <summary>The same operation was stored before: nothing was written this time.</summary>
    public sealed record AlreadyApplied(Incident Incident) : IncidentSaveResult;

    /// <summary>Someone else changed the incident since it was read: nothing was written; here is theirs.</summary>
    public sealed record Conflict(Incident Current) : IncidentSaveResult;

    /// <summary>No such incident.</summary>
    public sealed record NotFound : IncidentSaveResult;
}
