using System.Net;
using System.Net.Sockets;
using Readiness.Data.Notifications;

namespace Readiness.Web.Notifications;

/// <summary>
/// The connect step shared by webhooks and Web Push (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves the
/// host, keeps the addresses the caller may use, and connects to the first that answers. Checked after name
/// resolution, so a public name that resolves to 127.0.0.1 or 169.254.169.254 (or is changed to, after it was
/// stored) is refused at the moment of connecting.
/// </summary>
internal static class PublicAddressConnector
{
    /// <exception cref="WebhookAddressRefusedException">No address of the host may be used.</exception>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, Func<IPAddress, bool> mayUse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? new[] { literal }
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        IPAddress[] usable = [.. addresses.Where(mayUse)];
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
