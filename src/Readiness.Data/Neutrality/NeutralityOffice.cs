namespace Readiness.Data.Neutrality;

/// <summary>
/// An OPD (dinas, badan, kecamatan office) in the register of a regional government (a regency/city, or a province
/// for the Pilgub), with its neutrality pledge and Satgas. Dates are the region's local dates; times are UTC.
/// </summary>
public sealed record NeutralityOffice
{
    /// <summary>Row id.</summary>
    public required int Id { get; init; }

    /// <summary>The regional government's region code (a province or a regency/city).</summary>
    public required string RegionCode { get; init; }

    /// <summary>The OPD's name ("Dinas Pendidikan").</summary>
    public required string Name { get; init; }

    /// <summary>Local date of its ikrar netralitas; null while not held.</summary>
    public DateOnly? PledgedOn { get; init; }

    /// <summary>Local date its Satgas netralitas was formed; null while not formed.</summary>
    public DateOnly? SatgasOn { get; init; }

    /// <summary>The Satgas decree number; null while not formed.</summary>
    public string? SatgasDecree { get; init; }

    /// <summary>Optimistic concurrency: an update names the version it read.</summary>
    public required int Version { get; init; }

    /// <summary>Last change, UTC.</summary>
    public required DateTime UpdatedAtUtc { get; init; }

    /// <summary>Who made the last change (user name).</summary>
    public required string UpdatedBy { get; init; }
}
