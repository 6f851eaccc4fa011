namespace Readiness.Data.Shared;

/// <summary>
/// The numbers on items of a region and everything under it: per agency and unit, and per checklist item (one
/// template summed over the region's kecamatan), in agency order then unit or title.
/// </summary>
public sealed record RegionNumbers(string RegionCode, IReadOnlyList<NumberSum> ByAgency, IReadOnlyList<NumberSum> ByItem)
{
    /// <summary>No numbers at all.</summary>
    public static RegionNumbers Empty(string regionCode) => new(regionCode, [], []);

    /// <summary>True when <paramref name="other"/> holds the same sums in the same order (a record compares its lists by reference).</summary>
    public bool SameAs(RegionNumbers other) =>
        RegionCode == other.RegionCode && ByAgency.SequenceEqual(other.ByAgency) && ByItem.SequenceEqual(other.ByItem);

    /// <summary>Adds up item numbers (agency, template, title, unit, done, target) into per-agency and per-item sums.</summary>
    public static RegionNumbers Of(string regionCode,
        IEnumerable<(string Agency, int? TemplateItemId, string Title, string Unit, int? Done, int? Target)> items)
    {
        var list = items.ToList();
        var byAgency = list.GroupBy(i => (i.Agency, i.Unit))
            .Select(g => new NumberSum(g.Key.Agency, g.Key.Unit, g.Sum(i => i.Done ?? 0), g.Sum(i => i.Target ?? 0), g.Count()))
            .OrderBy(s => Agencies.Agency.Find(s.AgencyCode)?.SortOrder ?? int.MaxValue).ThenBy(s => s.Unit, StringComparer.Ordinal)
            .ToList();
        var byItem = list.GroupBy(i => (i.Agency, i.TemplateItemId, Title: i.TemplateItemId is null ? i.Title : "", i.Unit))
            .Select(g => new NumberSum(g.Key.Agency, g.Key.Unit, g.Sum(i => i.Done ?? 0), g.Sum(i => i.Target ?? 0), g.Count(),
                g.Key.TemplateItemId, g.First().Title))
            .OrderBy(s => Agencies.Agency.Find(s.AgencyCode)?.SortOrder ?? int.MaxValue).ThenBy(s => s.TemplateItemId ?? int.MaxValue).ThenBy(s => s.Title, StringComparer.Ordinal)
            .ToList();
        return new RegionNumbers(regionCode, byAgency, byItem);
    }

    /// <summary>
    /// The one number that says most about an agency here: of its checklist items with a target, TPS first, the one
    /// least complete ("31/45 TPS" for KPPS dilantik), with its <see cref="NumberSum.Title"/>. Never a sum over
    /// different items of the same unit, which would count each TPS once per item. Null when none has a target.
    /// </summary>
    /// <param name="agencyCode">The agency.</param>
    /// <param name="unit">Only items counted in this unit; null: any, TPS first.</param>
    public NumberSum? WeakestOf(string agencyCode, string? unit = null) => ByItem
        .Where(n => n.AgencyCode == agencyCode && (unit is null || n.Unit == unit) && n.Target > 0)
        .OrderBy(n => n.Unit == "TPS" ? 0 : 1)
        .ThenBy(n => (double)n.Done / n.Target)
        .ThenBy(n => n.TemplateItemId ?? int.MaxValue)
        .FirstOrDefault();
}
