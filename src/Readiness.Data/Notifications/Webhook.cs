namespace Readiness.Data.Notifications;

/// <summary>A registered receiver of notifications (its secret is never read back to a screen).</summary>
public sealed record Webhook
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>Absolute http(s) URL the notifications are POSTed to.</summary>
    public string Url { get; init; } = "";

    public bool IsEnabled { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public string CreatedBy { get; init; } = "";
}
