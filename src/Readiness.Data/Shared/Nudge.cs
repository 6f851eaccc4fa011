namespace Readiness.Data.Shared;

/// <summary>
/// One reader's nudge: "something was committed, read now", holding at most one pending nudge (many commits between two
/// reads need only one read). The reader waits for a nudge or its poll interval, timed by the injected
/// <see cref="TimeProvider"/>, so a test's fake clock moves the poll as it moves every other timer.
/// </summary>
public sealed class Nudge(TimeProvider time)
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Wakes the reader, or leaves one nudge for its next wait.</summary>
    public void Set()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pending.
        }
    }

    /// <summary>
    /// Waits for a nudge or <paramref name="timeout"/> (by the injected clock); true when nudged. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var nudged = _pending.WaitAsync(stop.Token);
        var elapsed = Task.Delay(timeout, time, stop.Token);
        if (await Task.WhenAny(nudged, elapsed) == nudged)
        {
            await stop.CancelAsync();
            await nudged;
            return true;
        }

        await stop.CancelAsync();
        try
        {
            // A nudge that came as the time ran out is taken, not lost.
            await nudged;
            return true;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }
}
