namespace Readiness.Data.Shared;

/// <summary>
/// Input a service refuses before anything is written. <see cref="Key"/> names the message (a resource key) that
/// tells the user what to fix, in their language.
/// </summary>
public sealed class InputException(string key, params object[] arguments) : Exception(key)
{
    public const string StatusInvalid = "Input.StatusInvalid";
    public const string NoteTooLong = "Input.NoteTooLong";
    public const string BlockedNeedsNote = "Input.BlockedNeedsNote";
    public const string RegionInvalid = "Input.RegionInvalid";
    public const string ScreenNameInvalid = "Input.ScreenNameInvalid";
    public const string UserNameInvalid = "Input.UserNameInvalid";
    public const string UserNameTaken = "Input.UserNameTaken";
    public const string DisplayNameInvalid = "Input.DisplayNameInvalid";
    public const string RoleInvalid = "Input.RoleInvalid";
    public const string AgencyRequired = "Input.AgencyRequired";
    public const string ScopeRequired = "Input.ScopeRequired";
    public const string PasswordWeak = "Input.PasswordWeak";
    public const string CannotChangeSelf = "Input.CannotChangeSelf";
    public const string TitleInvalid = "Input.TitleInvalid";
    public const string CriticalityInvalid = "Input.CriticalityInvalid";
    public const string StageOrRegionInvalid = "Input.StageOrRegionInvalid";
    public const string DueDateInvalid = "Input.DueDateInvalid";
    public const string RiskLevelInvalid = "Input.RiskLevelInvalid";
    public const string ControlCharacters = "Input.ControlCharacters";
    public const string BulkSizeInvalid = "Input.BulkSizeInvalid";
    public const string DoneInvalid = "Input.DoneInvalid";
    public const string TargetInvalid = "Input.TargetInvalid";
    public const string DoneAboveTarget = "Input.DoneAboveTarget";
    public const string TargetFixed = "Input.TargetFixed";
    public const string NoNumber = "Input.NoNumber";
    public const string PhoneInvalid = "Input.PhoneInvalid";
    public const string PositionInvalid = "Input.PositionInvalid";
    public const string UnitNameInvalid = "Input.UnitNameInvalid";
    public const string DirectionCharacters = "Input.DirectionCharacters";
    /// <summary>An evidence upload with no bytes.</summary>
    public const string EvidenceEmpty = "Input.EvidenceEmpty";
    /// <summary>An evidence upload over the limit; the argument is the limit in MB.</summary>
    public const string EvidenceTooLarge = "Input.EvidenceTooLarge";
    /// <summary>Evidence that is not a JPEG, PNG or WebP photo or a PDF, by its bytes.</summary>
    public const string EvidenceType = "Input.EvidenceType";
    /// <summary>An image whose bytes cannot be decoded.</summary>
    public const string EvidenceUnreadable = "Input.EvidenceUnreadable";
    /// <summary>An image of more pixels than a phone camera takes.</summary>
    public const string EvidenceTooManyPixels = "Input.EvidenceTooManyPixels";
    /// <summary>A PDF holding script or a launch action.</summary>
    public const string EvidencePdfScript = "Input.EvidencePdfScript";
    /// <summary>A text longer than its field holds; the argument is the limit in characters.</summary>
    public const string TooLong = "Input.TooLong";
    /// <summary>A figure (TPS count or class) that is not a whole number from 0 to the argument.</summary>
    public const string FigureInvalid = "Input.FigureInvalid";
    /// <summary>Figures are set on a kecamatan only; the argument is the code given.</summary>
    public const string FigureNotDistrict = "Input.FigureNotDistrict";
    /// <summary>A figures CSV without one of its columns; the argument names the columns expected.</summary>
    public const string FiguresCsvHeader = "Input.FiguresCsvHeader";
    /// <summary>A figures CSV row naming no known kecamatan; arguments: line, code.</summary>
    public const string FiguresCsvRegion = "Input.FiguresCsvRegion";
    /// <summary>A figures CSV cell that is not a whole number from 0 to the limit; arguments: line, column, text, limit.</summary>
    public const string FiguresCsvValue = "Input.FiguresCsvValue";
    /// <summary>A kecamatan named twice in one figures CSV; arguments: line, code, the first line.</summary>
    public const string FiguresCsvDuplicate = "Input.FiguresCsvDuplicate";
    /// <summary>A figures CSV with no rows, or more than the argument.</summary>
    public const string FiguresCsvSize = "Input.FiguresCsvSize";
    /// <summary>A figures CSV that cannot be read as CSV; the argument is the line.</summary>
    public const string FiguresCsvUnreadable = "Input.FiguresCsvUnreadable";

    /// <summary>A kecamatan of the file was changed by someone else while it loaded; arguments: the line and the code.</summary>
    public const string FiguresCsvChanged = "Input.FiguresCsvChanged";

    /// <summary>
    /// Text a person can type: control characters (a NUL would silently cut the text in SQLite), the noncharacters
    /// U+FFFE, U+FFFF and U+FDD0-U+FDEF (text copied from a PDF carries them; no XML document, so no xlsx file, may hold
    /// them) and half a surrogate pair are refused with <see cref="ControlCharacters"/>; line breaks and tabs are not.
    /// </summary>
    /// <exception cref="InputException">Key <see cref="ControlCharacters"/>.</exception>
    public static void RequirePlainText(string? text)
    {
        if (text is null)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not ('\r' or '\n' or '\t')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF'))
            {
                throw new InputException(ControlCharacters);
            }
        }
    }

    /// <summary>
    /// A title shown on every screen: plain text (<see cref="RequirePlainText"/>) without the characters that turn
    /// the direction of the text around it (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates), which
    /// would show "selesai" as "iaseles" on every list, wall and export.
    /// </summary>
    /// <exception cref="InputException">Key <see cref="ControlCharacters"/> or <see cref="DirectionCharacters"/>.</exception>
    public static void RequireTitleText(string? text)
    {
        RequirePlainText(text);
        if (text is not null && text.Any(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
        {
            throw new InputException(DirectionCharacters);
        }
    }

    public string Key { get; } = key;

    public object[] Arguments { get; } = arguments;
}
