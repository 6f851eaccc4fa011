namespace Readiness.Data.Neutrality;

/// <summary>
/// The steps of an ASN neutrality case, in the order they happen: a Bawaslu finding (temuan) or a public report
/// (laporan) is registered (<see cref="Registered"/>) and examined (<see cref="Review"/>); it is stopped
/// (<see cref="Stopped"/>: tidak terbukti / bukan pelanggaran) or sent as a recommendation to BKN
/// (<see cref="ToBkn"/>); BKN's recommendation goes to the PPK (<see cref="AtPpk"/>, with a deadline, commonly
/// 14 days); the PPK imposes the sanction (<see cref="Sanctioned"/>) and reports it back (<see cref="ReportedBack"/>).
/// A case moves one step forward at a time; a wrong step is corrected by a later event that goes back one step.
/// </summary>
public static class NeutralitySteps
{
    /// <summary>Registered by Bawaslu (dilaporkan / teregistrasi).</summary>
    public const string Registered = "dilaporkan";

    /// <summary>Under examination by Bawaslu (kajian).</summary>
    public const string Review = "kajian";

    /// <summary>Stopped: not proven or not a violation (dihentikan). Final.</summary>
    public const string Stopped = "dihentikan";

    /// <summary>Sent by Bawaslu as a recommendation to BKN (rekomendasi ke BKN).</summary>
    public const string ToBkn = "rekomendasi-bkn";

    /// <summary>BKN's recommendation is with the PPK, who must impose the sanction by the deadline (rekomendasi BKN ke PPK).</summary>
    public const string AtPpk = "rekomendasi-ppk";

    /// <summary>The PPK imposed the sanction (sanksi dijatuhkan).</summary>
    public const string Sanctioned = "sanksi";

    /// <summary>The sanction was reported back (dilaporkan kembali). Final.</summary>
    public const string ReportedBack = "dilaporkan-kembali";

    /// <summary>Every step, in the order a case passes them (the stopped branch after the review).</summary>
    public static readonly IReadOnlyList<string> All = [Registered, Review, Stopped, ToBkn, AtPpk, Sanctioned, ReportedBack];

    /// <summary>Whether <paramref name="step"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? step) => step is not null && All.Contains(step);

    /// <summary>The steps a case at <paramref name="step"/> may move on to (empty for a final step).</summary>
    public static IReadOnlyList<string> Next(string step) => step switch
    {
        Registered => [Review],
        Review => [Stopped, ToBkn],
        ToBkn => [AtPpk],
        AtPpk => [Sanctioned],
        Sanctioned => [ReportedBack],
        _ => [],
    };

    /// <summary>The step before <paramref name="step"/> (what a correction goes back to); null for the first.</summary>
    public static string? Previous(string step) => step switch
    {
        Review => Registered,
        Stopped or ToBkn => Review,
        AtPpk => ToBkn,
        Sanctioned => AtPpk,
        ReportedBack => Sanctioned,
        _ => null,
    };

    /// <summary>Steps recorded for the PPK (the sanction and its report back): the Pemda liaison or a leader records them.</summary>
    public static bool IsPpkStep(string step) => step is Sanctioned or ReportedBack;
}
