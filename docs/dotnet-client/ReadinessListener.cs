using Microsoft.AspNetCore.SignalR.Client;

namespace ReadinessClient;

/// <summary>Listens to one region of a Readiness server with a screen token (NuGet: Microsoft.AspNetCore.SignalR.Client).</summary>
public static class ReadinessListener
{
    /// <summary>What <c>itemChanged</c> carries (the fields a listener needs; the hub sends a few more).</summary>
    public sealed record ItemChange(long ItemId, string RegionCode, string RegionName, string AgencyCode, string Title,
        string? StatusBefore, string StatusAfter, string? Note, string Actor, DateTime AtUtc);

    /// <summary>Connects, joins <paramref name="regionCode"/>, and joins again after every reconnection.</summary>
    public static async Task<HubConnection> ListenAsync(Uri server, string screenToken, string regionCode,
        Action<ItemChange> onChange, CancellationToken cancellationToken = default)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/readiness"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(screenToken))
            .WithAutomaticReconnect(new RetryForever()) // the default gives up after four tries
            .Build();
        connection.On("itemChanged", onChange);
        // A reconnection may reach a restarted server, which knows no groups: join again.
        connection.Reconnected += _ => connection.InvokeAsync("JoinRegion", regionCode);
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync("JoinRegion", regionCode, cancellationToken);
        return connection;
    }

    private sealed class RetryForever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            TimeSpan.FromSeconds(Math.Min(30, 1 + context.PreviousRetryCount) + Random.Shared.NextDouble());
    }
}
