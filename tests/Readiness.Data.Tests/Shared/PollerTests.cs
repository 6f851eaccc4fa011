using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Shared;

/// <summary>The loop the feed pump, the notification pump and the outbox worker share: backoff on the injected clock.</summary>
public sealed class PollerTests
{
    [Fact]
    public void Backoff_doubles_from_two_seconds_and_stops_at_thirty()
    {
        Assert.Equal([2, 4, 8, 16, 30, 30, 30], new[] { 1, 2, 3, 4, 5, 6, 50 }.Select(f => Poller.Backoff(f).TotalSeconds));
    }

    [Fact]
    public async Task After_failed_rounds_the_poller_waits_on_the_injected_clock_and_a_good_round_ends_the_backoff()
    {
        var time = new TimerWatchingClock();
        var poller = new FailingPoller(time, failFirst: 2);
        await poller.StartAsync(CancellationToken.None);

        Assert.Equal(1, await poller.Failures.ReadAsync());
        Assert.Equal(TimeSpan.FromSeconds(2), await time.Timers.ReadAsync()); // the wait is a timer of the injected clock
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(1, poller.Rounds);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, await poller.Failures.ReadAsync());
        Assert.Equal(TimeSpan.FromSeconds(4), await time.Timers.ReadAsync());
        time.Advance(TimeSpan.FromSeconds(4));
        await poller.Succeeded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await poller.StopAsync(CancellationToken.None);
        Assert.Equal(3, poller.Rounds);
    }

    private sealed class TimerWatchingClock() : FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero))
    {
        private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

        /// <summary>The due time of each timer made on this clock, in order.</summary>
        public ChannelReader<TimeSpan> Timers => _timers.Reader;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timers.Writer.TryWrite(dueTime);
            return timer;
        }
    }

    private sealed class FailingPoller(TimeProvider time, int failFirst) : Poller(time)
    {
        private readonly Channel<int> _failures = Channel.CreateUnbounded<int>();
        private int _rounds;

        public ChannelReader<int> Failures => _failures.Reader;

        public TaskCompletionSource Succeeded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Rounds => Volatile.Read(ref _rounds);

        protected override async Task RunRoundAsync(CancellationToken stoppingToken)
        {
            if (Interlocked.Increment(ref _rounds) <= failFirst)
            {
                throw new InvalidOperationException("database restarting");
            }

            Succeeded.TrySetResult();
            await Task.Delay(Timeout.Infinite, stoppingToken); // an idle round: waits for the next nudge
        }

        protected override void OnRoundFailed(Exception exception, int failures) => _failures.Writer.TryWrite(failures);
    }
}
