namespace Readiness.Data.Notifications;

/// <summary>
/// One item of a grouped notice (a rule's escalations of one run in one region): the item as it is now (title,
/// status), where it is, and its due date in its region's calendar.
/// </summary>
public sealed class GroupedItem
{
    /// <summary>The notice the item belongs to.</summary>
    public long NotificationId { get; set; }

    public long ItemId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The item's status now (it may have changed since the escalation).</summary>
    public string Status { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    public string AgencyCode { get; set; } = "";

    public DateOnly DueDate { get; set; }
}
