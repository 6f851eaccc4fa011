namespace Readiness.Data.Coordination;

/// <summary>
/// One instruction given in a visit or meeting: the agency it is for, the region (the visit's region or a kecamatan
/// under it), what is to be done (plain text, at most 200 characters) and by when (a date in the region's calendar).
/// </summary>
public sealed record NewInstruction(string AgencyCode, string RegionCode, string What, DateOnly DueBy);
