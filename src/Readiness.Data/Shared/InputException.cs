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

    /// <summary>
    /// Text a person can type: control characters (a NUL would silently cut the text in SQLite) are refused, line
    /// breaks and tabs are not.
    /// </summary>
    public static void RequirePlainText(string? text)
    {
        if (text is not null && text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            throw new InputException(ControlCharacters);
        }
    }

    public string Key { get; } = key;

    public object[] Arguments { get; } = arguments;
}
