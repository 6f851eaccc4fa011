namespace Readiness.Data.Notifications;

/// <summary>Resource keys of the messages for refused notification settings (thrown as <see cref="InputException"/>).</summary>
public static class NotificationInput
{
    public const string WebhookNameInvalid = "Input.WebhookNameInvalid";
    public const string WebhookUrlInvalid = "Input.WebhookUrlInvalid";
    public const string WebhookSecretInvalid = "Input.WebhookSecretInvalid";
    public const string WebhookUrlInternal = "Input.WebhookUrlInternal";
    public const string WebhookSecretSpaces = "Input.WebhookSecretSpaces";
    public const string EmailInvalid = "Input.EmailInvalid";
    public const string RuleInvalid = "Input.RuleInvalid";
    public const string RuleChanged = "Input.RuleChanged";
}
