namespace Readiness.Web.Notifications;

/// <summary>
/// A webhook post was stopped before connecting: every address its host resolved to is internal (loopback, private,
/// link-local, metadata) and the host is not in <c>Readiness:Notifications:AllowedWebhookHosts</c>.
/// </summary>
public sealed class WebhookAddressRefusedException(string host)
    : Exception($"{host} resolves only to internal addresses, which webhooks may not reach (Readiness:Notifications:AllowedWebhookHosts).")
{
    /// <summary>The host name or literal address of the webhook URL.</summary>
    public string Host { get; } = host;
}
