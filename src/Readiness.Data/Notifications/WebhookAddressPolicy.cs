using System.Net;
using System.Net.Sockets;

namespace Readiness.Data.Notifications;

/// <summary>
/// Which webhook addresses the app may post to. A webhook is a URL an admin types, and the server posts to it from
/// inside the network, so an address on loopback, a private or link-local network, a cloud metadata service, an
/// unspecified or multicast address would let a registration reach internal services (server-side request forgery).
/// Such addresses are refused when a webhook is registered (literal and numeric-encoded forms such as
/// <c>2130706433</c>, <c>0x7f.1</c>, <c>[::ffff:127.0.0.1]</c>) and again when a post connects, after name
/// resolution, unless the host is named in <c>Readiness:Notifications:AllowedWebhookHosts</c>.
/// </summary>
public static class WebhookAddressPolicy
{
    /// <summary>True for an address no webhook may reach unless its host is allowed by name.</summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        switch (address.AddressFamily)
        {
            case AddressFamily.InterNetwork:
                return b[0] is 0 or 10 or 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                    || (b[0] == 172 && (b[1] & 0xF0) == 16) // 172.16/12
                    || (b[0] == 192 && b[1] == 168) // 192.168/16
                    || (b[0] == 169 && b[1] == 254) // link-local, and the metadata service at 169.254.169.254
                    || (b[0] == 100 && (b[1] & 0xC0) == 64); // shared address space 100.64/10
            case AddressFamily.InterNetworkV6:
                if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6None))
                {
                    return true;
                }

                // An IPv4 address carried in IPv6 (::a.b.c.d, or NAT64 64:ff9b::/96) is judged as that IPv4 address.
                if (b.Take(12).All(x => x == 0) || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0)))
                {
                    return IsInternal(new IPAddress(b.AsSpan(12, 4)));
                }

                return (b[0] & 0xFE) == 0xFC // unique local fc00::/7
                    || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) // link-local fe80::/10
                    || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) // site-local fec0::/10 (deprecated, still routed internally)
                    || b[0] == 0xFF; // multicast
            default:
                return true;
        }
    }

    /// <summary>True when <paramref name="host"/> (a name or a literal address, IPv6 with or without brackets) is in <paramref name="allowedHosts"/>.</summary>
    public static bool IsAllowedHost(string host, IReadOnlyCollection<string>? allowedHosts)
    {
        if (allowedHosts is null || allowedHosts.Count == 0 || string.IsNullOrEmpty(host))
        {
            return false;
        }

        var bare = host.Trim('[', ']');
        return allowedHosts.Any(a => !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim().Trim('[', ']'), bare, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when <paramref name="url"/> names an internal address (as a literal, in any numeric form, or as
    /// <c>localhost</c>) and its host is not allowed. A name that only resolves to an internal address is caught
    /// when the post connects.
    /// </summary>
    public static bool Refuses(Uri url, IReadOnlyCollection<string>? allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.DnsSafeHost;
        if (IsAllowedHost(host, allowedHosts) || IsAllowedHost(url.Host, allowedHosts))
        {
            return false;
        }

        if (url.IsLoopback || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || host.Length == 0)
        {
            return true;
        }

        // IPAddress.TryParse reads the forms inet_aton reads (2130706433, 0x7f.1, 017700000001) as well as IPv6.
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsInternal(address);
    }
}
