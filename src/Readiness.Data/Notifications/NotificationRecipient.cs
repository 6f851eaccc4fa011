namespace Readiness.Data.Notifications;

/// <summary>A person the rules notify, with the e-mail address mail goes to (null: inbox only).</summary>
public sealed record NotificationRecipient
{
    public int UserId { get; init; }

    public string UserName { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Role { get; init; } = "";

    public string? Email { get; init; }
}
