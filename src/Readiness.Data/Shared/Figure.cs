namespace Readiness.Data.Shared;

/// <summary>
/// The figures a region holds, by the names its history and its CSV use: the number of TPS (the KPU liaison's) and
/// Polri's classes of them (the Polri liaison's). Written once here; the rights, the history and the screens ask it.
/// </summary>
public static class Figure
{
    /// <summary>The number of TPS in the kecamatan.</summary>
    public const string Tps = "tps";

    /// <summary>TPS Polri grades kurang rawan.</summary>
    public const string KurangRawan = "kurang_rawan";

    /// <summary>TPS Polri grades rawan.</summary>
    public const string Rawan = "rawan";

    /// <summary>TPS Polri grades sangat rawan.</summary>
    public const string SangatRawan = "sangat_rawan";

    /// <summary>TPS khusus (prisons, care homes, hospitals).</summary>
    public const string Khusus = "khusus";

    /// <summary>Every figure, in the order screens and the CSV show them.</summary>
    public static readonly IReadOnlyList<string> All = [Tps, KurangRawan, Rawan, SangatRawan, Khusus];

    /// <summary>Polri's classes of TPS, set together by the Polri liaison.</summary>
    public static readonly IReadOnlyList<string> Classes = [KurangRawan, Rawan, SangatRawan, Khusus];

    /// <summary>The agency whose liaison sets <paramref name="figure"/>: KPU the TPS count, Polri its classes.</summary>
    public static string AgencyOf(string figure) => figure == Tps ? "KPU" : "POLRI";

    /// <summary>The largest value a figure may hold (the bound of the numbers on items).</summary>
    public const int MaxValue = ItemNumbers.MaxValue;
}
