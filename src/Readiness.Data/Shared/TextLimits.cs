namespace Readiness.Data.Shared;

/// <summary>
/// Lengths (in UTF-16 characters) of the text fields that no store keeps but every screen has: search boxes and
/// filters. The browser enforces them (<c>maxlength</c>); a longer value that still arrives (a script, a paste
/// through an extension) is cut and told. Text a store keeps has its limit beside the store
/// (<c>ChecklistStore.MaxNoteLength</c>, <c>UserAdministration.MaxDisplayNameLength</c>, ...).
/// </summary>
public static class TextLimits
{
    /// <summary>A search or filter box: a name or a code, with room to spare.</summary>
    public const int Search = 100;

    /// <summary>
    /// The list of region codes typed into one field, separated by commas: <see cref="MaxRegionCodes"/> codes of
    /// <see cref="RegionCodeLength"/> characters and their separators.
    /// </summary>
    public const int RegionCodeList = MaxRegionCodes * (RegionCodeLength + 2);

    /// <summary>The longest Kemendagri code (a village: <c>64.02.05.2001</c>).</summary>
    public const int RegionCodeLength = 13;

    /// <summary>The most region codes one user's scope may list.</summary>
    public const int MaxRegionCodes = 100;

    /// <summary>A single region code typed with a name to find it (<c>64.02 / Kutai Kartanegara</c>).</summary>
    public const int RegionField = 100;
}
