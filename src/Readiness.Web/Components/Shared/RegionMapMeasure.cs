namespace Readiness.Web.Components.Shared;

/// <summary>What a <see cref="RegionMap"/> colours its regions by.</summary>
public enum RegionMapMeasure
{
    /// <summary>Share of items Siap: darker is readier.</summary>
    Readiness,

    /// <summary>Number of Kendala items: darker is more.</summary>
    Blocked,

    /// <summary>Number of overdue items: darker is more.</summary>
    Overdue,

    /// <summary>The worst Kamtibmas level in the region (kondusif, PG, AG, GN): shown only where the map is given it.</summary>
    Situation,
}
