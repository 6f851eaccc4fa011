namespace Readiness.Data.Shared;

/// <summary>Where a region sits in the hierarchy: the number of parts of its Kemendagri code.</summary>
public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
}
