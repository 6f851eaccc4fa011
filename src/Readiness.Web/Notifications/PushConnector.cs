using System.Net;
using Microsoft.Extensions.Options;
using Readiness.Data.Notifications;
using Readiness.Data.Push;

namespace Readiness.Web.Notifications;

/// <summary>
/// Opens the connection of a Web Push request only to an address that is not internal
/// (<see cref="WebhookAddressPolicy.IsInternal"/>), checked after name resolution as webhooks are
/// (<see cref="PublicAddressConnector"/>): a browser hands in its endpoint, so an endpoint whose name resolves into the
/// network is refused when the request connects. Loopback is allowed when <see cref="PushOptions.AllowLoopbackHttp"/>
/// is set (the tests' own push receiver).
/// </summary>
public sealed class PushConnector(IOptions<PushOptions> options)
{
    /// <summary>The connect callback: resolves, drops internal addresses, connects to the first that answers.</summary>
    /// <exception cref="WebhookAddressRefusedException">Every address is internal.</exception>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var loopbackAllowed = options.Value.AllowLoopbackHttp;
        return PublicAddressConnector.ConnectAsync(context,
            address => !WebhookAddressPolicy.IsInternal(address) || (loopbackAllowed && IPAddress.IsLoopback(address)), cancellationToken);
    }
}
