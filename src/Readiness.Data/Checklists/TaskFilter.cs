namespace Readiness.Data.Checklists;

/// <summary>
/// How a liaison narrows their items. Every field is optional; a value that is not valid (an unknown status, a
/// malformed region code) is ignored rather than refused, since it usually comes from a hand-edited address. A region
/// outside the liaison's scope matches nothing: the scope is always applied on the server as well.
/// </summary>
public sealed record TaskFilter
{
    /// <summary>Items shown a page at a time.</summary>
    public const int PageSize = 20;

    /// <summary>Longest search text taken; the rest is cut off.</summary>
    public const int MaxTextLength = 100;

    public TaskView View { get; init; } = TaskView.Now;

    /// <summary>A region code (regency or kecamatan): that region and everything under it.</summary>
    public string? Region { get; init; }

    /// <summary>A stage id of the election.</summary>
    public int? StageId { get; init; }

    /// <summary>One of <see cref="ItemStatus.All"/>.</summary>
    public string? Status { get; init; }

    public DueWindow? Due { get; init; }

    /// <summary>Words that must each appear in the item's title, its note or its region's name (case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>
    /// One checklist item across regions, as <see cref="TaskGroup.Key"/> gives it: the template item's id, or the
    /// negated item id of an item a liaison added.
    /// </summary>
    public int? Group { get; init; }

    /// <summary>Zero-based page number.</summary>
    public int Page { get; init; }

    /// <summary>The words of <see cref="Text"/>, at most eight, from its first <see cref="MaxTextLength"/> characters.</summary>
    public IReadOnlyList<string> Words
    {
        get
        {
            var text = Text?.Trim() ?? "";
            text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
            return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToArray();
        }
    }

    /// <summary>Whether anything narrows the list besides the view and the page.</summary>
    public bool IsNarrowed =>
        Region is not null || StageId is not null || Status is not null || Due is not null || Words.Count > 0 || Group is not null;
}
