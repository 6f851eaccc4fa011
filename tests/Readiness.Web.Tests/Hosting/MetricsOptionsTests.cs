using System.Net;
using Readiness.Web.Hosting;

namespace Readiness.Web.Tests.Hosting;

/// <summary>Who may read /metrics without signing in.</summary>
public sealed class MetricsOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.20.0.7", false)]
    [InlineData("203.0.113.5", false)]
    public void Only_loopback_reads_metrics_anonymously_by_default(string address, bool allowed) =>
        Assert.Equal(allowed, new MetricsOptions().AllowsAnonymous(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.20.0.7", true)]
    [InlineData("::ffff:10.20.0.7", true)]
    [InlineData("10.20.1.7", false)]
    public void Listed_networks_read_metrics_anonymously(string address, bool allowed)
    {
        var options = new MetricsOptions { AllowedNetworks = ["10.20.0.0/24", "not a network"] };

        Assert.Equal(allowed, options.AllowsAnonymous(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_unknown_address_is_refused() => Assert.False(new MetricsOptions().AllowsAnonymous(null));
}
