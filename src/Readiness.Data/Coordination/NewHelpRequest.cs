namespace Readiness.Data.Coordination;

/// <summary>
/// A request for help from a Kendala item (<see cref="FromItemId"/>) to another agency: what is asked (plain text, at
/// most 200 characters) and, where it fits, how many of what unit ("2" "perahu karet"); both or neither.
/// </summary>
public sealed record NewHelpRequest(long FromItemId, string ToAgencyCode, string What, int? Quantity = null, string? Unit = null);
