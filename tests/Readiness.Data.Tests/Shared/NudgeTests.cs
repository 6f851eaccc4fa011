using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Shared;

/// <summary>A reader's nudge: one pending at most, and its poll timed by the injected clock, not the system's.</summary>
public sealed class NudgeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_nudge_left_before_the_wait_is_taken_at_once_and_only_once()
    {
        var nudge = new Nudge(_time);
        nudge.Set();
        nudge.Set();

        Assert.True(await nudge.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));

        var second = nudge.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(await second.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_poll_runs_out_by_the_injected_clock_and_a_nudge_during_the_wait_wakes_it()
    {
        var nudge = new Nudge(_time);
        var wait = nudge.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.False(wait.IsCompleted); // the system clock does not run it out

        nudge.Set();

        Assert.True(await wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_leaves_a_later_nudge_for_the_next_wait()
    {
        var nudge = new Nudge(_time);
        using var stop = new CancellationTokenSource();
        var wait = nudge.WaitAsync(TimeSpan.FromMinutes(1), stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);

        nudge.Set();

        Assert.True(await nudge.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
