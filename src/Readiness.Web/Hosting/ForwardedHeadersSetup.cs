using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Readiness.Web.Hosting;

/// <summary>
/// Which peers may speak for the client through X-Forwarded-For/-Proto (<c>Readiness:TrustForwardedHeaders</c>): only
/// the proxies in <c>Readiness:TrustedProxies</c>, or loopback when none are listed. A header from any other peer is
/// ignored, so nobody can pose as loopback to read <c>/metrics</c> or take a fresh address per sign-in attempt.
/// </summary>
public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Sets <paramref name="options"/> to take the client's address and scheme from the headers, trusting the entries
    /// of <paramref name="trustedProxies"/>: an address (<c>10.0.0.5</c>) or a CIDR network (<c>10.0.0.0/24</c>).
    /// With no entries the framework's default stays: loopback only (<c>127.0.0.0/8</c>, <c>::1</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">An entry is neither an address nor a CIDR network.</exception>
    public static void Configure(ForwardedHeadersOptions options, IReadOnlyCollection<string> trustedProxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (trustedProxies.Count == 0)
        {
            return;
        }

        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var entry in trustedProxies)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"Readiness:TrustedProxies: '{entry}' is neither an address (10.0.0.5) nor a network (10.0.0.0/24).");
            }
        }
    }
}
