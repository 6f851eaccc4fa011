using Microsoft.AspNetCore.SignalR;
using Readiness.Data.Feed;

namespace Readiness.Web.Api;

/// <summary>
/// Takes this server's feeds to the hub: each item change (<see cref="ReadinessHub.ItemChanged"/>) and each region
/// activity (<see cref="ReadinessHub.Activity"/>: region, kind, sequence and time, never a person's data) goes to the
/// groups of its region and every region above it.
/// </summary>
internal sealed class HubRelay(LiveFeed live, ActivityFeed activity, Readiness.Data.Situation.SituationStore situations,
    IHubContext<ReadinessHub> hub) : IHostedService
{
    // The relay reads a region's Kamtibmas level for every joined client at once; each client's own scope was checked
    // when it joined the region's group.
    private static readonly Readiness.Data.Accounts.Actor Relay = new() { Name = "sistem:hub", Role = Readiness.Data.Accounts.Roles.Admin };

    private IDisposable? _subscription;
    private IDisposable? _activity;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = live.Subscribe([], RelayAsync);
        _activity = activity.Subscribe([], RelayActivityAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _activity?.Dispose();
        return Task.CompletedTask;
    }

    private async Task RelayActivityAsync(IReadOnlyList<RegionActivity> rows)
    {
        foreach (var a in rows)
        {
            // The Kamtibmas level (kondusif, pg, ag, gn) rides with its change; never the typed reason.
            var level = a.Kind == ActivityKinds.Kamtibmas ? (await situations.CurrentAsync(Relay, a.RegionCode))?.Level : null;
            await hub.Clients.Groups(Ancestors(a.RegionCode).Select(ReadinessHub.Group).ToList())
                .SendAsync(ReadinessHub.Activity, new { regionCode = a.RegionCode, kind = a.Kind, seq = a.Seq, atUtc = a.AtUtc, level });
        }
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
