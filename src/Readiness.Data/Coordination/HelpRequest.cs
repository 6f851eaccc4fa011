using Readiness.Data.Agencies;

namespace Readiness.Data.Coordination;

/// <summary>
/// A request for help between two agencies in one region, linking the asking item and the asked agency's item.
/// <see cref="State"/> is as the asked agency left it, read as <see cref="HelpRequestState.Delivered"/> once the asked
/// item is Siap. Times are UTC. <see cref="AskedBy"/>, <see cref="AnsweredBy"/> are empty for readers who see
/// statuses only.
/// </summary>
public sealed record HelpRequest
{
    public required long Id { get; init; }

    public required int ElectionId { get; init; }

    public required string RegionCode { get; init; }

    public string RegionName { get; init; } = "";

    /// <summary>The region's IANA zone id.</summary>
    public string TimeZone { get; init; } = "Asia/Jakarta";

    public required long FromItemId { get; init; }

    public required string FromAgencyCode { get; init; }

    public required string ToAgencyCode { get; init; }

    public long? ToItemId { get; init; }

    public required string What { get; init; }

    public int? Quantity { get; init; }

    public string? Unit { get; init; }

    /// <summary>One of <see cref="HelpRequestState"/>.</summary>
    public required string State { get; init; }

    /// <summary>Why it was declined.</summary>
    public string? Reason { get; init; }

    public string AskedBy { get; init; } = "";

    public required DateTime AskedAtUtc { get; init; }

    public string? AnsweredBy { get; init; }

    public DateTime? AnsweredAtUtc { get; init; }

    /// <summary>Starts at 1, one more with every answer.</summary>
    public required int Version { get; init; }

    /// <summary>The asked item's status (Siap reads as delivered).</summary>
    public string? ToItemStatus { get; init; }

    /// <summary>The state a screen shows: delivered once the asked item is Siap, whatever was answered before.</summary>
    public string EffectiveState =>
        ToItemStatus == Shared.ItemStatus.Ready && State is HelpRequestState.Open or HelpRequestState.Accepted ? HelpRequestState.Delivered : State;

    /// <summary>Still waited for: open or accepted, and not delivered.</summary>
    public bool IsPending => HelpRequestState.IsPending(EffectiveState);

    /// <summary>What the asking card says after "Menunggu TNI:": "2 perahu karet", or the text when no number was asked.</summary>
    public string Summary => Quantity is { } q && Unit is not null ? $"{q} {Unit}" : What;

    /// <summary>The asked agency's short name ("TNI").</summary>
    public string ToAgencyName => Agency.Find(ToAgencyCode)?.ShortName ?? ToAgencyCode;

    /// <summary>The asking agency's short name ("KPU").</summary>
    public string FromAgencyName => Agency.Find(FromAgencyCode)?.ShortName ?? FromAgencyCode;
}
