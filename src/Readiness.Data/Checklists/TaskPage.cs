namespace Readiness.Data.Checklists;

/// <summary>
/// One page of a liaison's items for a <see cref="TaskFilter"/>, worst first (Kendala, then overdue, then by due date),
/// with the counts the screen shows beside it.
/// </summary>
public sealed record TaskPage
{
    public required IReadOnlyList<ItemView> Items { get; init; }

    /// <summary>Items matching the filter (all pages).</summary>
    public required int Total { get; init; }

    /// <summary>Items matching the filter's other parts that the "now" view leaves out (0 in the "all" view).</summary>
    public required int Hidden { get; init; }

    /// <summary>The zero-based page shown (the last one when the asked page lies beyond it).</summary>
    public required int Page { get; init; }

    public int PageCount => Math.Max(1, (Total + TaskFilter.PageSize - 1) / TaskFilter.PageSize);

    public static TaskPage Empty { get; } = new() { Items = [], Total = 0, Hidden = 0, Page = 0 };
}
