namespace Readiness.Data.Regions;

public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
}

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

/// <summary>Vulnerability levels after Bawaslu's IKP 2024 (regency/city thresholds: high 49.33-100, medium 13.47-49.32).</summary>
public static class RiskLevel
{
    public const string Low = "rendah";
    public const string Medium = "sedang";
    public const string High = "tinggi";

    public static readonly IReadOnlyList<string> All = [Low, Medium, High];

    public static bool IsValid(string? level) => level is not null && All.Contains(level);

    /// <summary>Sort key: high risk first, unknown last.</summary>
    public static int Order(string? level) => level switch
    {
        High => 0,
        Medium => 1,
        Low => 2,
        _ => 3,
    };
}
