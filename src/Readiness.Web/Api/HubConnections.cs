using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Readiness.Web.Api;

/// <summary>The hub connections open on this server, so that <see cref="HubAccessRevalidation"/> can re-check them.</summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    /// <summary>How many connections are open.</summary>
    public int Count => _open.Count;

    /// <summary>Registers a connection as it opens.</summary>
    public void Add(HubCallerContext context) => _open[context.ConnectionId] = context;

    /// <summary>Forgets a connection as it closes (or is closed).</summary>
    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>The connections open now.</summary>
    public IReadOnlyList<HubCallerContext> Snapshot() => _open.Values.ToList();
}
