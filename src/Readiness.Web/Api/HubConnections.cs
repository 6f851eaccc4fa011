using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Readiness.Data.Accounts;

namespace Readiness.Web.Api;

/// <summary>
/// The hub connections open on this server, so that <see cref="HubAccessRevalidation"/> can re-check them and so that
/// one user or one screen token cannot hold more than a set number of them (each costs the server memory).
/// </summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();
    private readonly Dictionary<string, int> _perIdentity = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How many connections are open.</summary>
    public int Count => _open.Count;

    /// <summary>
    /// Registers a connection as it opens, unless its user or screen token already holds <paramref name="limit"/>
    /// connections here; returns false (and registers nothing) then.
    /// </summary>
    public bool TryAdd(HubCallerContext context, int limit)
    {
        var identity = IdentityOf(context.User);
        lock (_gate)
        {
            var held = _perIdentity.GetValueOrDefault(identity);
            if (held >= limit)
            {
                return false;
            }

            if (_open.TryAdd(context.ConnectionId, context))
            {
                _perIdentity[identity] = held + 1;
            }

            return true;
        }
    }

    /// <summary>Forgets a connection as it closes (or is closed); forgetting it twice changes nothing.</summary>
    public void Remove(string connectionId)
    {
        lock (_gate)
        {
            if (!_open.TryRemove(connectionId, out var context))
            {
                return;
            }

            var identity = IdentityOf(context.User);
            if (_perIdentity.TryGetValue(identity, out var held) && held > 1)
            {
                _perIdentity[identity] = held - 1;
            }
            else
            {
                _perIdentity.Remove(identity);
            }
        }
    }

    /// <summary>How many connections <paramref name="user"/>'s user or screen token holds open here.</summary>
    public int CountOf(ClaimsPrincipal user)
    {
        lock (_gate)
        {
            return _perIdentity.GetValueOrDefault(IdentityOf(user));
        }
    }

    /// <summary>The connections open now.</summary>
    public IReadOnlyList<HubCallerContext> Snapshot() => _open.Values.ToList();

    /// <summary>Who holds a connection: <c>u:ID</c> for a user, <c>t:ID</c> for a screen token.</summary>
    internal static string IdentityOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ReadinessClaims.ScreenTokenId) is { } token ? "t:" + token
        : "u:" + (user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
}
