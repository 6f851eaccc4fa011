using Microsoft.AspNetCore.SignalR;
using Readiness.Data.Feed;

namespace Readiness.Web.Api;

/// <summary>Takes this server's feed to the hub: each change goes to the groups of its region and every region above it.</summary>
internal sealed class HubRelay(LiveFeed live, IHubContext<ReadinessHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = live.Subscribe([], RelayAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task RelayAsync(IReadOnlyList<FeedEvent> events)
    {
        foreach (var e in events)
        {
            await hub.Clients.Groups(Ancestors(e.RegionCode).Select(ReadinessHub.Group).ToList()).SendAsync(ReadinessHub.ItemChanged, e);
        }
    }

    /// <summary>64.02.05 -> 64, 64.02, 64.02.05.</summary>
    internal static IEnumerable<string> Ancestors(string code)
    {
        for (var i = 2; i <= code.Length; i += 3)
        {
            yield return code[..i];
        }
    }
}
