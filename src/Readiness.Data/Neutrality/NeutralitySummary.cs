namespace Readiness.Data.Neutrality;

/// <summary>
/// ASN neutrality counts of a region and everything under it ("9 dari 14 OPD", "3 rekomendasi menunggu sanksi,
/// tertua 21 hari"). Never holds a name: every reader who sees the region gets it.
/// </summary>
public sealed record NeutralitySummary
{
    /// <summary>The region summed (empty for the nation).</summary>
    public required string RegionCode { get; init; }

    /// <summary>OPD in the registers under the region.</summary>
    public int OfficesTotal { get; init; }

    /// <summary>OPD whose pledge was held.</summary>
    public int OfficesPledged { get; init; }

    /// <summary>OPD that formed their Satgas.</summary>
    public int OfficesWithSatgas { get; init; }

    /// <summary>Socialisation sessions held.</summary>
    public int Sessions { get; init; }

    /// <summary>Participants of those sessions, added up.</summary>
    public int Participants { get; init; }

    /// <summary>Cases by current step (<see cref="NeutralitySteps"/>); steps without cases are absent.</summary>
    public IReadOnlyDictionary<string, int> CasesByStep { get; init; } = new Dictionary<string, int>();

    /// <summary>Every case, whatever its step.</summary>
    public int Cases => CasesByStep.Values.Sum();

    /// <summary>Recommendations waiting at the PPK for the sanction.</summary>
    public int WaitingAtPpk => CasesByStep.GetValueOrDefault(NeutralitySteps.AtPpk);

    /// <summary>Whole days the oldest of them has waited, by the region's local date; null when none waits.</summary>
    public int? OldestWaitingDays { get; init; }

    /// <summary>Of those waiting, how many are past their deadline by the region's local date.</summary>
    public int PastDeadline { get; init; }

    /// <summary>No case at all: "Belum ada pelanggaran".</summary>
    public bool NoViolation => Cases == 0;
}
