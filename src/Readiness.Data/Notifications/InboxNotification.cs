using System.Text.Json;
using Readiness.Data.Shared;

namespace Readiness.Data.Notifications;

/// <summary>
/// One notification in a person's inbox, with what is needed to show it and open its item: the item's title and
/// current status, its region (name and time zone), or the digest's figures. Timestamps are UTC.
/// </summary>
public sealed class InboxNotification
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private DigestDetails? _digest;

    public long Id { get; set; }

    /// <summary>One of <see cref="EscalationKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public long? ItemId { get; set; }

    public string? ItemTitle { get; set; }

    /// <summary>The item's status now (it may have changed since the escalation).</summary>
    public string? ItemStatus { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? RegionCode { get; set; }

    public string? RegionName { get; set; }

    /// <summary>The region's zone id (or the digest's zone): for showing times with WIB, WITA or WIT.</summary>
    public string? TimeZone { get; set; }

    public string? AgencyCode { get; set; }

    /// <summary>The digest's figures as stored (JSON); see <see cref="Digest"/>.</summary>
    public string? Details { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    public bool IsRead => ReadAtUtc is not null;

    /// <summary>The digest's figures; null for an item notification.</summary>
    public DigestDetails? Digest => _digest ??= Details is null ? null : JsonSerializer.Deserialize<DigestDetails>(Details, Json);
}
