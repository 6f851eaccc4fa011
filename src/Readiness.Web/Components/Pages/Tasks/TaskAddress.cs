using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>
/// A task list view as an address (<c>/tugas?wilayah=64.02.06&amp;cari=logistik</c>), so it can be bookmarked or
/// shared in a WhatsApp group. Parsing never fails: what cannot be read is left out. The address only narrows: the
/// server applies the liaison's agency and scope whatever it says.
/// </summary>
public sealed record TaskAddress
{
    public const string Path = "/tugas";

    // Query keys, Indonesian as the rest of the app's addresses.
    public const string RegionKey = "wilayah";
    public const string StageKey = "tahap";
    public const string StatusKey = "status";
    public const string DueKey = "batas";
    public const string TextKey = "cari";
    public const string GroupKey = "butir";
    public const string PageKey = "hal";
    public const string AllKey = "semua";
    public const string GroupedKey = "tampilan";

    private const string GroupedValue = "butir";

    private static readonly Dictionary<DueWindow, string> DueWords = new()
    {
        [DueWindow.Overdue] = "terlambat",
        [DueWindow.ThisWeek] = "minggu-ini",
        [DueWindow.Later] = "nanti",
    };

    /// <summary>What the list shows. A search looks through every item, so <see cref="TaskView.All"/> then.</summary>
    public TaskFilter Filter { get; init; } = new();

    /// <summary>Grouped by checklist item across regions, instead of one card per item.</summary>
    public bool Grouped { get; init; }

    /// <summary>Reads the query of <paramref name="uri"/> (absolute or relative).</summary>
    public static TaskAddress Parse(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? [] : QueryHelpers.ParseQuery(uri[queryStart..]);
        string? Get(string key) => query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values.ToString())
            ? values[0]?.Trim()
            : null;
        int? Number(string key) => int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        var text = Get(TextKey);
        text = text is { Length: > TaskFilter.MaxTextLength } ? text[..TaskFilter.MaxTextLength] : text;
        var due = Get(DueKey);
        var filter = new TaskFilter
        {
            View = Get(AllKey) == "1" ? TaskView.All : TaskView.Now,
            Region = Get(RegionKey),
            StageId = Number(StageKey),
            Status = ItemStatus.IsValid(Get(StatusKey)) ? Get(StatusKey) : null,
            Due = DueWords.FirstOrDefault(w => w.Value == due) is { Value: not null } match ? match.Key : null,
            Text = text,
            Group = Number(GroupKey),
            Page = Math.Max(0, (Number(PageKey) ?? 1) - 1),
        };
        return new TaskAddress { Filter = filter, Grouped = Get(GroupedKey) == GroupedValue };
    }

    /// <summary>The address of this view, relative to the site root; the first page and empty parts are left out.</summary>
    public string ToUri()
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, value));
            }
        }

        var f = Filter;
        Add(AllKey, f.View == TaskView.All ? "1" : null);
        Add(TextKey, f.Text?.Trim());
        Add(RegionKey, f.Region);
        Add(StageKey, f.StageId?.ToString(CultureInfo.InvariantCulture));
        Add(StatusKey, f.Status);
        Add(DueKey, f.Due is { } due ? DueWords[due] : null);
        Add(GroupKey, f.Group?.ToString(CultureInfo.InvariantCulture));
        Add(GroupedKey, Grouped ? GroupedValue : null);
        Add(PageKey, f.Page > 0 ? (f.Page + 1).ToString(CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>The same view with another filter, back on its first page.</summary>
    public TaskAddress With(Func<TaskFilter, TaskFilter> change) => this with { Filter = change(Filter) with { Page = 0 } };
}
