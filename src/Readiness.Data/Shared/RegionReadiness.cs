namespace Readiness.Data.Shared;

/// <summary>A region's readiness, overall and per agency (agency code to counts).</summary>
public sealed record RegionReadiness(string RegionCode, ReadinessCounts Overall, IReadOnlyDictionary<string, ReadinessCounts> ByAgency)
{
    /// <summary>The counts of <paramref name="agencyCode"/>; empty when the agency has no items here.</summary>
    public ReadinessCounts For(string agencyCode) => ByAgency.GetValueOrDefault(agencyCode, ReadinessCounts.Empty);

    /// <summary>
    /// True when <paramref name="other"/> holds the same counts, overall and for every agency (a record compares its
    /// dictionary by reference): a live screen keeps what it rendered when a change moved nothing here.
    /// </summary>
    public bool SameCountsAs(RegionReadiness other) =>
        Overall == other.Overall && ByAgency.Count == other.ByAgency.Count
        && ByAgency.All(p => other.ByAgency.TryGetValue(p.Key, out var counts) && counts == p.Value);
}
