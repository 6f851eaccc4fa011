namespace Readiness.Data.Situation;

/// <summary>What happened, as the incident log sorts it. Stored as the codes below.</summary>
public static class IncidentKind
{
    /// <summary>A clash (bentrok).</summary>
    public const string Clash = "bentrok";

    /// <summary>A demonstration.</summary>
    public const string Demonstration = "demonstrasi";

    /// <summary>Campaign props (APK) damaged.</summary>
    public const string PropsDamaged = "perusakan_apk";

    /// <summary>Money politics.</summary>
    public const string MoneyPolitics = "politik_uang";

    /// <summary>Hoax or SARA content.</summary>
    public const string HoaxSara = "hoaks_sara";

    /// <summary>Intimidation.</summary>
    public const string Intimidation = "intimidasi";

    /// <summary>Flood or power cut at a TPS.</summary>
    public const string FloodOrPowerCut = "banjir_listrik";

    /// <summary>Logistics damaged or lost.</summary>
    public const string Logistics = "logistik";

    /// <summary>Anything else.</summary>
    public const string Other = "lainnya";

    /// <summary>Every kind, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Clash, Demonstration, PropsDamaged, MoneyPolitics, HoaxSara, Intimidation, FloodOrPowerCut, Logistics, Other];

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? kind) => kind is not null && All.Contains(kind);
}
