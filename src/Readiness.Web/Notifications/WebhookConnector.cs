using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Readiness.Data.Notifications;

namespace Readiness.Web.Notifications;

/// <summary>
/// Opens the TCP connection of a webhook post (<see cref="SocketsHttpHandler.ConnectCallback"/>) only to an address
/// that is not internal, checked after name resolution, so a public name that resolves to 127.0.0.1 or to
/// 169.254.169.254 (or is changed to, after registration) is refused at the moment of connecting. Hosts in
/// <c>Readiness:Notifications:AllowedWebhookHosts</c> may use any address.
/// </summary>
public sealed class WebhookConnector(IOptions<NotificationOptions> options)
{
    /// <summary>The connect callback: resolves, drops internal addresses, connects to the first that answers.</summary>
    /// <exception cref="WebhookAddressRefusedException">Every address is internal and the host is not allowed.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var allowed = WebhookAddressPolicy.IsAllowedHost(host, options.Value.AllowedWebhookHosts);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? new[] { literal }
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = allowed ? addresses : [.. addresses.Where(a => !WebhookAddressPolicy.IsInternal(a))];
        if (usable.Length == 0)
        {
            throw new WebhookAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
