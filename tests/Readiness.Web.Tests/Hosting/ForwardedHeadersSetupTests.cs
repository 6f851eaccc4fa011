using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Readiness.Web.Hosting;

namespace Readiness.Web.Tests.Hosting;

/// <summary>Whose X-Forwarded-For is believed when <c>Readiness:TrustForwardedHeaders</c> is on.</summary>
public sealed class ForwardedHeadersSetupTests
{
    [Fact]
    public async Task A_peer_that_is_not_a_trusted_proxy_cannot_pose_as_loopback()
    {
        var address = await ClientAddressAsync([], peer: "203.0.113.9", forwardedFor: "127.0.0.1");

        Assert.Equal(IPAddress.Parse("203.0.113.9"), address);
        Assert.False(new MetricsOptions().AllowsAnonymous(address));
    }

    [Fact]
    public async Task A_peer_that_is_not_a_trusted_proxy_cannot_take_a_new_address_per_request()
    {
        var first = await ClientAddressAsync([], peer: "203.0.113.9", forwardedFor: "198.51.100.1");
        var second = await ClientAddressAsync([], peer: "203.0.113.9", forwardedFor: "198.51.100.2");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_loopback_proxy_is_trusted_by_default() =>
        Assert.Equal(IPAddress.Parse("198.51.100.1"), await ClientAddressAsync([], peer: "127.0.0.1", forwardedFor: "198.51.100.1"));

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.0/24")]
    public async Task A_configured_proxy_is_trusted_and_loopback_no_longer(string trusted)
    {
        Assert.Equal(IPAddress.Parse("198.51.100.1"), await ClientAddressAsync([trusted], peer: "10.0.0.5", forwardedFor: "198.51.100.1"));
        Assert.Equal(IPAddress.Parse("127.0.0.1"), await ClientAddressAsync([trusted], peer: "127.0.0.1", forwardedFor: "198.51.100.1"));
    }

    [Fact]
    public void An_entry_that_is_neither_address_nor_network_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSetup.Configure(new ForwardedHeadersOptions(), ["proxy.local"]));

    private static async Task<IPAddress?> ClientAddressAsync(string[] trustedProxies, string peer, string forwardedFor)
    {
        var options = new ForwardedHeadersOptions();
        ForwardedHeadersSetup.Configure(options, trustedProxies);
        IPAddress? seen = null;
        var middleware = new ForwardedHeadersMiddleware(
            context =>
            {
                seen = context.Connection.RemoteIpAddress;
                return Task.CompletedTask;
            },
            NullLoggerFactory.Instance,
            Options.Create(options));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;

        await middleware.Invoke(context);
        return seen;
    }
}
