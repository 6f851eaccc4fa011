using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Readiness.Data.Notifications;
using Readiness.Data.Push;

namespace Readiness.Web.Notifications;

/// <summary>
/// Opens the connection of a Web Push request only to an address that is not internal
/// (<see cref="WebhookAddressPolicy.IsInternal"/>), checked after name resolution, as webhooks are: a browser hands
/// in its endpoint, so an endpoint whose name resolves into the network is refused when the request connects.
/// Loopback is allowed when <see cref="PushOptions.AllowLoopbackHttp"/> is set (the tests' own push receiver).
/// </summary>
public sealed class PushConnector(IOptions<PushOptions> options)
{
    /// <summary>The connect callback: resolves, drops internal addresses, connects to the first that answers.</summary>
    /// <exception cref="WebhookAddressRefusedException">Every address is internal.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? new[] { literal }
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var loopbackAllowed = options.Value.AllowLoopbackHttp;
        IPAddress[] usable = [.. addresses.Where(a => !WebhookAddressPolicy.IsInternal(a) || (loopbackAllowed && IPAddress.IsLoopback(a)))];
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
