namespace Readiness.Data.Coordination;

/// <summary>The message keys (resources) of <see cref="Shared.InputException"/> that coordination raises.</summary>
public static class CoordinationInput
{
    /// <summary>Place missing or longer than 200 characters.</summary>
    public const string PlaceInvalid = "Input.Coordination.PlaceInvalid";

    /// <summary>Attendees missing or longer than 1000 characters.</summary>
    public const string AttendeesInvalid = "Input.Coordination.AttendeesInvalid";

    /// <summary>Minutes longer than 2000 characters.</summary>
    public const string MinutesInvalid = "Input.Coordination.MinutesInvalid";

    /// <summary>A visit needs at least one instruction, at most 30.</summary>
    public const string InstructionsInvalid = "Input.Coordination.InstructionsInvalid";

    /// <summary>An unknown agency.</summary>
    public const string AgencyInvalid = "Input.Coordination.AgencyInvalid";

    /// <summary>The instruction's region is not the visit's region or under it (regency or kecamatan).</summary>
    public const string InstructionRegionInvalid = "Input.Coordination.InstructionRegionInvalid";

    /// <summary>The instruction is due after the election's last stage.</summary>
    public const string InstructionDueInvalid = "Input.Coordination.InstructionDueInvalid";

    /// <summary>Help is asked only from an item in Kendala.</summary>
    public const string RequestNeedsBlocked = "Input.Coordination.RequestNeedsBlocked";

    /// <summary>An agency does not ask itself.</summary>
    public const string RequestSameAgency = "Input.Coordination.RequestSameAgency";

    /// <summary>A quantity without a unit, or a unit without a quantity.</summary>
    public const string QuantityInvalid = "Input.Coordination.QuantityInvalid";

    /// <summary>A decline needs a reason.</summary>
    public const string ReasonRequired = "Input.Coordination.ReasonRequired";

    /// <summary>The request was answered in a way that does not allow this answer any more.</summary>
    public const string RequestClosed = "Input.Coordination.RequestClosed";

    /// <summary>The head's name or position is missing or too long (100 characters).</summary>
    public const string HeadInvalid = "Input.Coordination.HeadInvalid";

    /// <summary>A declaration is for a regency or city, before the quiet period or voting day.</summary>
    public const string DeclarationInvalid = "Input.Coordination.DeclarationInvalid";

    /// <summary>Someone answered the request meanwhile; the screen shows the answer.</summary>
    public const string RequestChanged = "Input.Coordination.RequestChanged";
}
