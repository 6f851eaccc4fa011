using Microsoft.AspNetCore.SignalR.Client;

namespace ReadinessClient;

/// <summary>Listens to one region of a Readiness server with a screen token (NuGet: Microsoft.AspNetCore.SignalR.Client).</summary>
public static class ReadinessListener
{
    /// <summary>What <c>itemChanged</c> carries (the fields a listener needs; the hub sends a few more).</summary>
    public sealed record ItemChange(long ItemId, string RegionCode, string RegionName, string AgencyCode, string Title,
        string? StatusBefore, string StatusAfter, string? Note, string Actor, DateTime AtUtc);

    /// <summary>
    /// Connects, joins <paramref name="regionCode"/>, and joins again after every reconnection. Keeps trying for as
    /// long as it runs: when the server is down at the start, during an outage of any length, and after the server
    /// closed the connection. Completes once connected the first time; cancel <paramref name="cancellationToken"/> or
    /// dispose the connection to stop.
    /// </summary>
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
        // Closed with an error (the server closed it for good): start over. Closed without one: this program stopped it.
        connection.Closed += error =>
        {
            if (error is not null && !cancellationToken.IsCancellationRequested)
            {
                _ = StartAndJoinAsync(connection, regionCode, cancellationToken);
            }

            return Task.CompletedTask;
        };
        await StartAndJoinAsync(connection, regionCode, cancellationToken);
        return connection;
    }

    // StartAsync tries once; the automatic reconnection only begins after a first success. So: try until it works.
    private static async Task StartAndJoinAsync(HubConnection connection, string regionCode, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (connection.State == HubConnectionState.Disconnected)
                {
                    await connection.StartAsync(cancellationToken);
                }

                await connection.InvokeAsync("JoinRegion", regionCode, cancellationToken);
                return;
            }
            catch (ObjectDisposedException)
            {
                return; // disposed by this program: stop trying
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(RetryForever.Delay(attempt), cancellationToken);
            }
        }
    }

    private sealed class RetryForever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) => Delay(context.PreviousRetryCount);

        public static TimeSpan Delay(long previousRetries) =>
            TimeSpan.FromSeconds(Math.Min(30, 1 + previousRetries) + Random.Shared.NextDouble());
    }
}
