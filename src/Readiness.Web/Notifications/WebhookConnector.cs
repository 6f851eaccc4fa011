using Microsoft.Extensions.Options;
using Readiness.Data.Notifications;

namespace Readiness.Web.Notifications;

/// <summary>
/// Opens the TCP connection of a webhook post only to an address that is not internal
/// (<see cref="WebhookAddressPolicy.IsInternal"/>), checked after name resolution (<see cref="PublicAddressConnector"/>).
/// Hosts in <c>Readiness:Notifications:AllowedWebhookHosts</c> may use any address.
/// </summary>
public sealed class WebhookConnector(IOptions<NotificationOptions> options)
{
    /// <summary>The connect callback: resolves, drops internal addresses, connects to the first that answers.</summary>
    /// <exception cref="WebhookAddressRefusedException">Every address is internal and the host is not allowed.</exception>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allowed = WebhookAddressPolicy.IsAllowedHost(context.DnsEndPoint.Host, options.Value.AllowedWebhookHosts);
        return PublicAddressConnector.ConnectAsync(context, address => allowed || !WebhookAddressPolicy.IsInternal(address), cancellationToken);
    }
}
