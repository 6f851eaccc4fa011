namespace Readiness.Data.Agencies;

/// <summary>The five agencies that coordinate a Pilkada in a region. Their names stay Indonesian in every language.</summary>
public sealed record Agency(string Code, string Name, string ShortName, int SortOrder)
{
    public const string Pemda = "PEMDA";
    public const string Kpu = "KPU";
    public const string Bawaslu = "BAWASLU";
    public const string Polri = "POLRI";
    public const string Tni = "TNI";

    public static readonly IReadOnlyList<Agency> All =
    [
        new(Pemda, "Pemerintah Daerah (Pemkab/Pemkot)", "Pemda", 1),
        new(Kpu, "Komisi Pemilihan Umum (KPU)", "KPU", 2),
        new(Bawaslu, "Badan Pengawas Pemilihan Umum (Bawaslu)", "Bawaslu", 3),
        new(Polri, "Kepolisian Negara Republik Indonesia (Polri)", "Polri", 4),
        new(Tni, "Tentara Nasional Indonesia (TNI)", "TNI", 5),
    ];

    public static Agency? Find(string? code) => All.FirstOrDefault(a => a.Code == code);
}
