using Readiness.Data.Shared;

namespace Readiness.Data.Figures;

/// <summary>
/// A region's figures for one election: a kecamatan's as its liaisons set them, or a regency's as the sum of its
/// kecamatan. A figure nobody set is null (a regency's when none of its kecamatan has it).
/// </summary>
public sealed record RegionFigures
{
    /// <summary>The election the figures are of.</summary>
    public required int ElectionId { get; init; }

    /// <summary>The region's Kemendagri code.</summary>
    public required string RegionCode { get; init; }

    /// <summary>Number of TPS.</summary>
    public int? Tps { get; init; }

    /// <summary>TPS graded kurang rawan.</summary>
    public int? KurangRawan { get; init; }

    /// <summary>TPS graded rawan.</summary>
    public int? Rawan { get; init; }

    /// <summary>TPS graded sangat rawan.</summary>
    public int? SangatRawan { get; init; }

    /// <summary>TPS khusus.</summary>
    public int? Khusus { get; init; }

    /// <summary>A kecamatan's row version for the save contract; 0 when nothing was set yet, and for a regency's sum.</summary>
    public int Version { get; init; }

    /// <summary>Who changed a kecamatan's figures last; null for a sum or when nothing was set.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>When, UTC; null for a sum or when nothing was set.</summary>
    public DateTime? UpdatedAtUtc { get; init; }

    /// <summary>For a regency: how many of its kecamatan have a TPS count; for a kecamatan, 1 when it has one.</summary>
    public int Counted { get; init; }

    /// <summary>For a regency: how many kecamatan it has; 1 for a kecamatan.</summary>
    public int Of { get; init; }

    /// <summary>The value of one of <see cref="Figure.All"/>.</summary>
    public int? Get(string figure) => figure switch
    {
        Figure.Tps => Tps,
        Figure.KurangRawan => KurangRawan,
        Figure.Rawan => Rawan,
        Figure.SangatRawan => SangatRawan,
        Figure.Khusus => Khusus,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "not a figure"),
    };

    /// <summary>
    /// Polri's classes add up to a number other than the TPS count (both set): someone has to look again, since the
    /// TPS count and the classes are entered by two agencies at different times.
    /// </summary>
    public bool ClassesDisagree =>
        Tps is { } tps && KurangRawan is { } k && Rawan is { } r && SangatRawan is { } s && Khusus is { } kh && k + r + s + kh != tps;
}
