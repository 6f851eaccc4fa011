namespace Readiness.Data.Situation;

/// <summary>The resource keys of the messages <see cref="Shared.InputException"/> carries for the situation and the incident log.</summary>
public static class SituationInputKeys
{
    /// <summary>The level is not kondusif, PG, AG or GN.</summary>
    public const string LevelInvalid = "Input.SituationLevelInvalid";

    /// <summary>The reason is empty or longer than <see cref="SituationStore.MaxReasonLength"/>.</summary>
    public const string ReasonInvalid = "Input.SituationReasonInvalid";

    /// <summary>The kind is not one of the incident kinds.</summary>
    public const string KindInvalid = "Input.IncidentKindInvalid";

    /// <summary>The severity is not ringan, sedang or berat.</summary>
    public const string SeverityInvalid = "Input.IncidentSeverityInvalid";

    /// <summary>The village or TPS is empty or longer than <see cref="IncidentStore.MaxPlaceLength"/>.</summary>
    public const string PlaceInvalid = "Input.IncidentPlaceInvalid";

    /// <summary>The time is in the future or more than a year ago.</summary>
    public const string TimeInvalid = "Input.IncidentTimeInvalid";

    /// <summary>The description or note is longer than <see cref="IncidentStore.MaxNoteLength"/>.</summary>
    public const string NoteTooLong = "Input.IncidentNoteTooLong";

    /// <summary>An agency code is unknown, or a leader gave no reporting agency.</summary>
    public const string AgencyInvalid = "Input.IncidentAgencyInvalid";

    /// <summary>The status is not dilaporkan, ditangani or selesai.</summary>
    public const string StatusInvalid = "Input.IncidentStatusInvalid";

    /// <summary>Closing an incident needs a closing note.</summary>
    public const string ClosingNoteRequired = "Input.IncidentClosingNoteRequired";

    /// <summary>The checklist item does not exist or lies outside the incident's region line.</summary>
    public const string ItemInvalid = "Input.IncidentItemInvalid";
}
