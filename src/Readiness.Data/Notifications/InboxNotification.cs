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

    /// <summary>The rule that made the notice.</summary>
    public int RuleId { get; set; }

    /// <summary>The item, when the notice is about one item.</summary>
    public long? ItemId { get; set; }

    /// <summary>
    /// How many items a grouped notice holds (one leader, rule, region and run); null for a digest or a notice made
    /// before notices were grouped. When more than one, <see cref="Items"/> lists them and the region is the group's.
    /// </summary>
    public int? ItemCount { get; set; }

    /// <summary>The items of a grouped notice of more than one item (as many as were asked for); empty otherwise.</summary>
    public IReadOnlyList<GroupedItem> Items { get; set; } = [];

    /// <summary>True for a notice that holds more than one item.</summary>
    public bool IsGroup => ItemCount > 1;

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

    /// <summary>A domain notice's line (counts and kinds, never a person's data); null for escalations and digests.</summary>
    public string? Subject { get; set; }

    /// <summary>A domain notice's page, relative to the app's base address (e.g. <c>wilayah/64.02</c>); null when none.</summary>
    public string? Link { get; set; }

    /// <summary>True for a notice of the officials' own work (<see cref="EscalationKinds.Domain"/>), told by its subject.</summary>
    public bool IsDomain => EscalationKinds.Domain.Contains(Kind);

    /// <summary>The digest's figures; null for an item notification.</summary>
    public DigestDetails? Digest => _digest ??= Details is null ? null : JsonSerializer.Deserialize<DigestDetails>(Details, Json);
}
