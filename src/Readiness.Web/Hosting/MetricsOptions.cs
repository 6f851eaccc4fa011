using System.Net;

namespace Readiness.Web.Hosting;

/// <summary>The <c>Readiness:Metrics</c> configuration section: the Prometheus endpoint <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve the <c>Readiness</c> meter's instruments in Prometheus text at <c>/metrics</c>. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Networks besides loopback whose addresses may read <c>/metrics</c> without signing in, in CIDR form
    /// (<c>10.20.0.0/24</c>): the operator's Prometheus. Empty by default. Signed-in admins may always read it.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>
    /// Whether a client at <paramref name="address"/> may read the metrics without signing in: a loopback address, or
    /// one inside <see cref="AllowedNetworks"/>. Entries that are not valid CIDR are ignored.
    /// </summary>
    public bool AllowsAnonymous(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address)
            || AllowedNetworks.Any(n => IPNetwork.TryParse(n, out var network) && network.Contains(address));
    }
}
