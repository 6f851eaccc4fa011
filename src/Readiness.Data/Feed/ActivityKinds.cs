namespace Readiness.Data.Feed;

/// <summary>What changed in a region, as stored in <c>RegionActivity.Kind</c>: which panel a screen reloads.</summary>
public static class ActivityKinds
{
    /// <summary>ASN neutrality: an OPD's pledge or Satgas, a socialisation session, a case and its steps.</summary>
    public const string Netralitas = "netralitas";

    /// <summary>The Kamtibmas estimate of a region and stage (kondusif, PG, AG, GN).</summary>
    public const string Kamtibmas = "kamtibmas";

    /// <summary>An incident (kejadian) recorded, changed, marked significant or closed.</summary>
    public const string Kejadian = "kejadian";

    /// <summary>Coordination: a visit or meeting with its instructions, a request for help, a readiness sign-off.</summary>
    public const string Koordinasi = "koordinasi";

    /// <summary>A kecamatan's figures: its number of TPS or Polri's classes of them.</summary>
    public const string Angka = "angka";

    /// <summary>Every kind, for validation.</summary>
    public static readonly IReadOnlyList<string> All = [Netralitas, Kamtibmas, Kejadian, Koordinasi, Angka];
}
