namespace Readiness.Data.Neutrality;

/// <summary>A socialisation session on ASN neutrality: when (local date), for whom, how many came, held by which agency.</summary>
public sealed record NeutralitySession
{
    /// <summary>Row id.</summary>
    public required int Id { get; init; }

    /// <summary>Region the session was held for (province, regency/city or kecamatan).</summary>
    public required string RegionCode { get; init; }

    /// <summary>Local date it was held.</summary>
    public required DateOnly HeldOn { get; init; }

    /// <summary>The OPD or audience ("Kepala OPD se-Kabupaten", "Camat dan lurah").</summary>
    public required string Audience { get; init; }

    /// <summary>Number of participants (0 or more).</summary>
    public required int Participants { get; init; }

    /// <summary>The agency that held it (PEMDA or BAWASLU).</summary>
    public required string AgencyCode { get; init; }

    /// <summary>A short note, or null.</summary>
    public string? Note { get; init; }

    /// <summary>When it was recorded, UTC.</summary>
    public required DateTime CreatedAtUtc { get; init; }

    /// <summary>Who recorded it (user name).</summary>
    public required string CreatedBy { get; init; }
}
