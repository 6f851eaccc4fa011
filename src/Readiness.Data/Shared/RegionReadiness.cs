namespace Readiness.Data.Shared;

/// <summary>A region's readiness, overall and per agency (agency code to counts).</summary>
public sealed record RegionReadiness(string RegionCode, ReadinessCounts Overall, IReadOnlyDictionary<string, ReadinessCounts> ByAgency)
{
    public ReadinessCounts For(string agencyCode) => ByAgency.GetValueOrDefault(agencyCode, ReadinessCounts.Empty);
}
