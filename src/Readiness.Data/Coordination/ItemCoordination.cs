namespace Readiness.Data.Coordination;

/// <summary>
/// What coordination hangs on one item, for its card and page: where it came from (<see cref="Origin"/>, null for a
/// template's or a liaison's own item) with the visit (<see cref="Visit"/>) or the request (<see cref="Incoming"/>)
/// behind it, and the requests made from it (<see cref="Outgoing"/>, newest first).
/// </summary>
public sealed record ItemCoordination
{
    /// <summary>An item with nothing of coordination.</summary>
    public static readonly ItemCoordination None = new();

    /// <summary>One of <see cref="CoordinationOrigin"/>, or null.</summary>
    public string? Origin { get; init; }

    /// <summary>The visit an instruction came from.</summary>
    public Visit? Visit { get; init; }

    /// <summary>The request this item answers.</summary>
    public HelpRequest? Incoming { get; init; }

    /// <summary>Requests asked from this item.</summary>
    public IReadOnlyList<HelpRequest> Outgoing { get; init; } = [];

    /// <summary>Whether there is anything to show.</summary>
    public bool IsEmpty => Origin is null && Outgoing.Count == 0;
}
