namespace Readiness.Data.Notifications;

/// <summary>
/// The <c>Readiness:Notifications</c> configuration section: how often the escalation rules run, the leases that keep
/// two servers from doing the same work, e-mail (SMTP) and webhook delivery.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Readiness:Notifications";

    /// <summary>How often every server evaluates the escalation rules (default one minute).</summary>
    public TimeSpan EvaluateInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a rule run or a claimed delivery is held by one server. A server that dies mid-run loses its lease
    /// after this, and another server takes the work up (default five minutes).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the background services run (default true; tests and the bench drive them by hand).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>
    /// The address the app is reached at from outside (e.g. <c>https://kesiapan.example.go.id</c>), used for links in
    /// e-mails and webhooks. Empty: links are relative paths.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Hosts a webhook may be registered and posted to although their address is internal (loopback, private,
    /// link-local, metadata): names or literal addresses as written in the URL, e.g. <c>posko.internal</c> or
    /// <c>10.20.0.5</c> (<c>Readiness:Notifications:AllowedWebhookHosts:0</c>, ...). Empty (the default): no
    /// internal address is allowed.
    /// </summary>
    public string[] AllowedWebhookHosts { get; set; } = [];

    /// <summary>SMTP for e-mail; e-mail is off when <see cref="SmtpOptions.Host"/> is empty.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Delivery of the outbox: tries, backoff and batch size.</summary>
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>True when an SMTP host and a sender are configured.</summary>
    public bool EmailEnabled => !string.IsNullOrWhiteSpace(Smtp.Host) && !string.IsNullOrWhiteSpace(Smtp.Sender);
}
