using Microsoft.Extensions.Hosting;

namespace Readiness.Data.Shared;

/// <summary>
/// The loop every poller of a server shares (the live feed's pump, the notification pump, the outbox worker): one
/// round after another until the server stops (a round waits for a nudge or the poll interval, then reads), and after
/// a failed round (the database restarting or not yet migrated) a wait that doubles with each failure in a row, from
/// 2 s up to 30 s, on the injected <see cref="TimeProvider"/>. A round that succeeds ends the backoff.
/// </summary>
public abstract class Poller(TimeProvider time) : BackgroundService
{
    /// <summary>The longest wait after failed rounds.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The clock every wait and timestamp of the poller reads.</summary>
    protected TimeProvider Time => time;

    /// <summary>The wait after <paramref name="failures"/> failed rounds in a row (1 or more): 2 s, 4 s, ... at most <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Clamp(failures, 1, 5))));

    /// <summary>One round: wait for a nudge or the poll interval, then read and hand on what was read.</summary>
    protected abstract Task RunRoundAsync(CancellationToken stoppingToken);

    /// <summary>Logs a failed round; <paramref name="failures"/> counts the failures in a row.</summary>
    protected abstract void OnRoundFailed(Exception exception, int failures);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                OnRoundFailed(ex, failures);
                await Task.Delay(Backoff(failures), time, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
