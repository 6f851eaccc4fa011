namespace Readiness.Data.Coordination;

/// <summary>What a row of CoordinationEvents records (its Kind); SubjectId is the visit's, request's or declaration's id.</summary>
public static class CoordinationEventKind
{
    /// <summary>A visit or meeting recorded with its instructions.</summary>
    public const string Visit = "kunjungan";

    /// <summary>Help asked.</summary>
    public const string Asked = "minta";

    /// <summary>A request answered (Detail: the new state).</summary>
    public const string Answered = "jawab";

    /// <summary>A request unanswered for a day, escalated to the leaders.</summary>
    public const string Escalated = "eskalasi";

    /// <summary>A readiness declaration recorded.</summary>
    public const string Declared = "pernyataan";
}
