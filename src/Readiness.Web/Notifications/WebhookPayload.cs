using Readiness.Data.Notifications;

namespace Readiness.Web.Notifications;

/// <summary>The JSON a webhook receives (camelCase). <see cref="Subject"/> and <see cref="Text"/> are ready to forward (Indonesian).</summary>
/// <param name="IdempotencyKey">The delivery's key: the same on every try, different for each delivery.</param>
/// <param name="Kind"><c>kendala</c>, <c>lewat_tenggat</c> or <c>ringkasan</c>.</param>
/// <param name="CreatedAtUtc">When the notification was made (UTC).</param>
/// <param name="To">Whom the notification is for.</param>
/// <param name="ChecklistItem">The item, for a notice about one item.</param>
/// <param name="Group">The items, for a notice that groups several (one leader, rule, region and run).</param>
/// <param name="Digest">The digest's figures, for a morning digest.</param>
/// <param name="Subject">One line.</param>
/// <param name="Text">The message in plain text, with the link.</param>
public sealed record WebhookPayload(
    string IdempotencyKey,
    string Kind,
    DateTime CreatedAtUtc,
    WebhookPayload.Recipient To,
    WebhookPayload.Item? ChecklistItem,
    WebhookPayload.ItemGroup? Group,
    DigestDetails? Digest,
    string Subject,
    string Text)
{
    /// <summary>The recipient: user name and display name.</summary>
    public sealed record Recipient(string UserName, string DisplayName);

    /// <summary>
    /// The items of a grouped notice: how many in all, the region they lie in, and the first
    /// <see cref="Readiness.Data.Notifications.NotificationStore.ItemsShownPerGroup"/> of them; <c>url</c> opens the notice.
    /// </summary>
    public sealed record ItemGroup(int ItemCount, string? RegionCode, string? RegionName, IReadOnlyList<Item> Items, string Url);

    /// <summary>
    /// The escalated item: id, title, status now, region, agency, due date (region's calendar), link; and the item's
    /// note as data, with <c>noteBy</c>, the user name of the liaison officer who wrote it (their words, not the app's).
    /// </summary>
    public sealed record Item(long Id, string? Title, string? Status, string? RegionCode, string? RegionName, string? AgencyCode,
        DateOnly? DueDate, string Url, string? Note = null, string? NoteBy = null);
}
