namespace Readiness.Data.Situation;

/// <summary>How far an incident's handling is: dilaporkan (reported), ditangani (being handled), selesai (closed).</summary>
public static class IncidentStatus
{
    /// <summary>Reported, nobody handling yet.</summary>
    public const string Reported = "dilaporkan";

    /// <summary>Being handled.</summary>
    public const string Handling = "ditangani";

    /// <summary>Closed; needs a closing note.</summary>
    public const string Closed = "selesai";

    /// <summary>Every status, in order.</summary>
    public static readonly IReadOnlyList<string> All = [Reported, Handling, Closed];

    /// <summary>Whether <paramref name="status"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? status) => status is not null && All.Contains(status);

    /// <summary>Open means not closed.</summary>
    public static bool IsOpen(string status) => status != Closed;
}
