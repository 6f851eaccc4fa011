namespace Readiness.Data.Neutrality;

/// <summary>Resource keys of the messages for neutrality input refused with <see cref="Shared.InputException"/>.</summary>
public static class NeutralityInput
{
    /// <summary>A step that does not follow the case's current step (a sanction before a recommendation).</summary>
    public const string StepOrder = "Input.Neutrality.StepOrder";

    /// <summary>Someone else changed the case or OPD first.</summary>
    public const string Stale = "Input.Neutrality.Stale";

    /// <summary>Name, position or OPD empty or longer than 200 characters.</summary>
    public const string TextInvalid = "Input.Neutrality.TextInvalid";

    /// <summary>A NIP that is not 18 digits.</summary>
    public const string NipInvalid = "Input.Neutrality.NipInvalid";

    /// <summary>An unknown kind or source.</summary>
    public const string KindInvalid = "Input.Neutrality.KindInvalid";

    /// <summary>A date after today in the region.</summary>
    public const string DateInvalid = "Input.Neutrality.DateInvalid";

    /// <summary>An account empty or longer than 1,000 characters.</summary>
    public const string AccountInvalid = "Input.Neutrality.AccountInvalid";

    /// <summary>A sanction step without a sanction, or an unknown one.</summary>
    public const string SanctionInvalid = "Input.Neutrality.SanctionInvalid";

    /// <summary>A deadline of fewer than 1 or more than 90 days.</summary>
    public const string DeadlineInvalid = "Input.Neutrality.DeadlineInvalid";

    /// <summary>Participants below 0 or above 100,000.</summary>
    public const string ParticipantsInvalid = "Input.Neutrality.ParticipantsInvalid";

    /// <summary>A region of the wrong level (a case below a kecamatan, an OPD register of a kecamatan) or unknown.</summary>
    public const string RegionLevel = "Input.Neutrality.RegionLevel";

    /// <summary>A case or OPD that does not exist.</summary>
    public const string NotFound = "Input.Neutrality.NotFound";

    /// <summary>An OPD already in the register.</summary>
    public const string OfficeExists = "Input.Neutrality.OfficeExists";

    /// <summary>A correction without a reason, or of a case at its first step.</summary>
    public const string CorrectionInvalid = "Input.Neutrality.CorrectionInvalid";
}
