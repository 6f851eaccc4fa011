namespace Readiness.Data.Shared;

/// <summary>
/// A nudge from this server's writers to its feed pump: "something was committed, read now". Changes made by other
/// servers (or other processes on the same SQLite file) arrive by the pump's poll instead.
/// </summary>
public sealed class FeedSignal(TimeProvider time)
{
    private readonly Nudge _nudge = new(time);

    /// <summary>Something was committed: wake the pump.</summary>
    public void Nudge() => _nudge.Set();

    /// <summary>Waits for a nudge or the timeout (by the injected clock); true when nudged.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _nudge.WaitAsync(timeout, cancellationToken);
}
