namespace Readiness.Data.Neutrality;

/// <summary>
/// An ASN neutrality case as the reader may see it. <see cref="PersonName"/>, <see cref="Nip"/>,
/// <see cref="Position"/>, <see cref="OfficeName"/> and <see cref="Account"/> are filled only for a reader entitled
/// to personal data (<see cref="NeutralityRights.CanSeeCasePersonalData"/>), and every such read is logged; for
/// everyone else they are null and <see cref="HasPersonalData"/> is false.
/// </summary>
public sealed record NeutralityCase
{
    /// <summary>Case number.</summary>
    public required int Id { get; init; }

    /// <summary>Region of the case (a regency/city or a kecamatan).</summary>
    public required string RegionCode { get; init; }

    /// <summary>The region's name.</summary>
    public required string RegionName { get; init; }

    /// <summary>The region's IANA time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).</summary>
    public required string TimeZone { get; init; }

    /// <summary>One of <see cref="NeutralityKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>One of <see cref="NeutralitySources"/>.</summary>
    public required string Source { get; init; }

    /// <summary>Local date of the finding or report.</summary>
    public required DateOnly ReportedOn { get; init; }

    /// <summary>The current step, one of <see cref="NeutralitySteps"/>.</summary>
    public required string Step { get; init; }

    /// <summary>When the case reached its current step, UTC.</summary>
    public required DateTime StepAtUtc { get; init; }

    /// <summary>Local date by which the PPK must impose the sanction; set when the recommendation reaches the PPK.</summary>
    public DateOnly? PpkDeadline { get; init; }

    /// <summary>One of <see cref="NeutralitySanctions"/> once imposed; null before.</summary>
    public string? Sanction { get; init; }

    /// <summary>Optimistic concurrency: a move names the version it read.</summary>
    public required int Version { get; init; }

    /// <summary>When it was recorded, UTC.</summary>
    public required DateTime CreatedAtUtc { get; init; }

    /// <summary>Who recorded it (user name).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Whether the personal fields below were given to this reader.</summary>
    public bool HasPersonalData { get; init; }

    /// <summary>The civil servant's name; personal data.</summary>
    public string? PersonName { get; init; }

    /// <summary>The civil servant's NIP (18 digits); personal data.</summary>
    public string? Nip { get; init; }

    /// <summary>The civil servant's position; personal data.</summary>
    public string? Position { get; init; }

    /// <summary>The civil servant's OPD; withheld with the personal data, since with the kind it can name a person.</summary>
    public string? OfficeName { get; init; }

    /// <summary>The short account of what happened; personal data.</summary>
    public string? Account { get; init; }
}
