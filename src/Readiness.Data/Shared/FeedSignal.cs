namespace Readiness.Data.Shared;

/// <summary>
/// A nudge from this server's writers to its feed pump: "something was committed, read now". Changes made by other
/// servers (or other processes on the same SQLite file) arrive by the pump's poll instead.
/// </summary>
public sealed class FeedSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Nudge()
    {
        // At most one pending nudge: many commits between two reads need only one read.
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Waits for a nudge or the timeout; true when nudged.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
