using Readiness.Data.Shared;

namespace Readiness.Data.Regions;

/// <summary>A region by its Kemendagri code: province <c>NN</c>, regency/city <c>NN.NN</c>, kecamatan <c>NN.NN.NN</c>.</summary>
public sealed record Region
{
    public required string Code { get; init; }

    public string? ParentCode { get; init; }

    public required RegionLevel Level { get; init; }

    public required string Name { get; init; }

    /// <summary>IANA id: Asia/Jakarta, Asia/Makassar or Asia/Jayapura.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Vulnerability after Bawaslu's IKP (rendah, sedang, tinggi); regencies/cities only, null when not set.</summary>
    public string? RiskLevel { get; init; }

    /// <summary>A regency code's second part is 71-99 for a city (kota), 01-69 for a kabupaten.</summary>
    public bool IsCity => Level == RegionLevel.Regency && int.Parse(Code[3..5]) >= 71;

    public RegionTimeZone Zone => RegionTimeZone.FromId(TimeZone);
}
