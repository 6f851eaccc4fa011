namespace Readiness.Data.Neutrality;

/// <summary>
/// A case to record, as a Bawaslu liaison enters it: the region (a regency/city or a kecamatan), the civil servant's
/// name, NIP (18 digits), position and OPD, the kind (<see cref="NeutralityKinds"/>), the source
/// (<see cref="NeutralitySources"/>), the local date of the finding or report, and a short account (up to 1,000
/// characters).
/// </summary>
public sealed record NewNeutralityCase(
    string RegionCode, string PersonName, string Nip, string Position, string OfficeName,
    string Kind, string Source, DateOnly ReportedOn, string Account);
