namespace Readiness.Web.Api;

/// <summary>
/// Closes every hub connection the moment the app starts stopping, and keeps closing any that open while it stops.
/// Without it, Kestrel waits the whole shutdown timeout for hub connections to end by themselves (they never do), and
/// a client that reconnects in between lands on the stopping server. Closed at once, clients reconnect with their
/// own retry policy and reach the next server (or this one after its restart).
/// </summary>
public sealed partial class HubShutdown(IHostApplicationLifetime lifetime, HubConnections connections, ILogger<HubShutdown> logger) : IHostedService
{
    private CancellationTokenRegistration _registration;

    /// <summary>How often connections that opened during the stop are closed again.</summary>
    public static readonly TimeSpan Sweep = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(() => _ = CloseWhileStoppingAsync());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CloseWhileStoppingAsync()
    {
        var first = true;
        while (!lifetime.ApplicationStopped.IsCancellationRequested)
        {
            var open = connections.Snapshot();
            if (first && open.Count > 0)
            {
                LogClosing(open.Count);
            }

            first = false;
            foreach (var connection in open)
            {
                connection.Abort();
            }

            await Task.Delay(Sweep, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: closing {Count} hub connections")]
    private partial void LogClosing(int count);
}
