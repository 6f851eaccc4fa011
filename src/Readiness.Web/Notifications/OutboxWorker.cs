using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;

namespace Readiness.Web.Notifications;

/// <summary>
/// Works off the outbox on this server: leases a batch of due deliveries, sends each (webhook, e-mail or Web Push) with
/// retries and exponential backoff from a Polly pipeline, and marks it sent, or failed until its last try makes it
/// a dead letter. A delivery is marked sent only after the receiver answered 2xx (or the mail server accepted it),
/// so it is never sent again after that; a server killed mid-send leaves the lease to run out, and the next server
/// sends it again under the same idempotency key: at least once, never lost.
/// Receivers never wait for each other: a batch is split into one lane per receiver (a webhook, or the mail server),
/// lanes run side by side, and the next claim leaves out the receivers whose lane is still running, so a receiver
/// that never answers holds only its own deliveries. A lane that fails on a receiver, or whose lease is running out,
/// gives its untried rows back (no attempt counted) for a later claim.
/// </summary>
public sealed partial class OutboxWorker : Poller
{
    private readonly DeliveryStore _store;
    private readonly WebhookSender _webhooks;
    private readonly EmailSender _email;
    private readonly PushSender _push;
    private readonly NotificationSignal _signal;
    private readonly IOptions<NotificationOptions> _options;
    private readonly ILogger<OutboxWorker> _logger;
    private readonly ResiliencePipeline _pipeline;

    public OutboxWorker(DeliveryStore store, WebhookSender webhooks, EmailSender email, PushSender push, NotificationSignal signal, TimeProvider time,
        IOptions<NotificationOptions> options, ILogger<OutboxWorker> logger)
        : base(time)
    {
        (_store, _webhooks, _email, _push, _signal, _options, _logger) = (store, webhooks, email, push, signal, options, logger);
        var delivery = options.Value.Delivery;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (delivery.RetriesPerClaim > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                // A failure that can pass is retried, but never beyond the delivery's MaxAttempts in all.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is DeliveryFailedException { Permanent: false, RetryAfter: null } or TimeoutRejectedException
                    && args.AttemptNumber + 1 < args.Context.Properties.GetValue(TriesLeft, int.MaxValue)),
                MaxRetryAttempts = delivery.RetriesPerClaim,
                Delay = delivery.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        _pipeline = builder.AddTimeout(delivery.AttemptTimeout).Build();
    }

    // The tries a delivery has left before it is a dead letter, handed to the retry strategy per execution.
    private static readonly ResiliencePropertyKey<int> TriesLeft = new("readiness.tries-left");

    /// <summary>This server's name in delivery leases.</summary>
    public string Owner { get; } = LeaseOwner.New();

    private const string MailLane = "email";
    private const string PushLane = "push";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _lanes = [];

    /// <summary>
    /// Claims one batch (leaving out receivers whose lane is still running) and waits until it is delivered;
    /// returns the number of deliveries claimed.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var (count, lanes) = await StartBatchAsync(cancellationToken);
        await lanes;
        return count;
    }

    /// <inheritdoc />
    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        // The lanes run on: a slow receiver's lane does not hold up the next claim for the others. A full batch may
        // have more behind it: claim again at once; otherwise wait for a nudge or the poll interval.
        var (count, _) = await StartBatchAsync(stoppingToken);
        if (count < _options.Value.Delivery.BatchSize)
        {
            await _signal.WaitForDeliveriesAsync(_options.Value.Delivery.PollInterval, stoppingToken);
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] running;
        lock (_gate)
        {
            running = [.. _lanes.Values];
        }

        // The lanes saw the stopping token: they end at once, their rows left to the lease.
        await Task.WhenAll(running).WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
    }

    private static string ReceiverOf(DeliveryWork work) => work.WebhookId is { } id ? $"webhook:{id}" : work.Channel == PushLane ? PushLane : MailLane;

    private async Task<(int Count, Task Lanes)> StartBatchAsync(CancellationToken cancellationToken)
    {
        var delivery = _options.Value.Delivery;
        int[] busyWebhooks;
        bool mailBusy;
        bool pushBusy;
        lock (_gate)
        {
            busyWebhooks = [.. _lanes.Keys.Where(k => k is not (MailLane or PushLane))
                .Select(k => int.Parse(k["webhook:".Length..], System.Globalization.CultureInfo.InvariantCulture))];
            mailBusy = _lanes.ContainsKey(MailLane);
            pushBusy = _lanes.ContainsKey(PushLane);
        }

        var lease = Lease(delivery);
        var leaseEnd = Time.GetUtcNow() + lease;
        var batch = await _store.ClaimAsync(Owner, delivery.BatchSize, lease, busyWebhooks, mailBusy, cancellationToken, pushBusy);
        var started = new List<Task>();
        foreach (var lane in batch.GroupBy(ReceiverOf))
        {
            var task = RunLaneAsync([.. lane], leaseEnd, cancellationToken);
            lock (_gate)
            {
                _lanes[lane.Key] = task;
            }

            started.Add(ForgetWhenDoneAsync(lane.Key, task, cancellationToken));
        }

        return (batch.Count, Task.WhenAll(started));
    }

    private async Task ForgetWhenDoneAsync(string receiver, Task lane, CancellationToken cancellationToken)
    {
        try
        {
            await lane;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the rows are left to the lease.
        }
        catch (Exception ex)
        {
            LogLaneFailed(ex, receiver);
        }
        finally
        {
            lock (_gate)
            {
                if (_lanes.TryGetValue(receiver, out var current) && current == lane)
                {
                    _lanes.Remove(receiver);
                }
            }
        }
    }

    // One receiver's share of a batch: up to Parallelism at once. After a failure that may pass (the receiver is
    // down, slow or overloaded), or when the lease would run out before another delivery could end, the untried rows
    // go back to the outbox instead of waiting here.
    private async Task RunLaneAsync(IReadOnlyList<DeliveryWork> works, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        var delivery = _options.Value.Delivery;
        var queue = new System.Collections.Concurrent.ConcurrentQueue<DeliveryWork>(works);
        var oneDelivery = delivery.AttemptTimeout * (Math.Max(0, delivery.RetriesPerClaim) + 1) + TimeSpan.FromSeconds(5);
        var stop = 0;
        var runners = Enumerable.Range(0, Math.Clamp(delivery.Parallelism, 1, works.Count)).Select(async _ =>
        {
            while (Volatile.Read(ref stop) == 0 && Time.GetUtcNow() + oneDelivery < leaseEnd && queue.TryDequeue(out var work))
            {
                if (!await DeliverAsync(work, cancellationToken))
                {
                    Interlocked.Exchange(ref stop, 1);
                }
            }
        });
        await Task.WhenAll(runners);
        if (!queue.IsEmpty)
        {
            await _store.ReleaseAsync(Owner, [.. queue.Select(w => w.DeliveryId)], delivery.RequeueDelay, CancellationToken.None);
        }
    }

    /// <inheritdoc />
    protected override void OnRoundFailed(Exception exception, int failures) => LogOutboxFailed(exception, failures);

    // True when the receiver took it; false after a failure that may pass (the lane then stops for this receiver).
    private async Task<bool> DeliverAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var delivery = _options.Value.Delivery;
        var tries = 0;
        try
        {
            var body = work.Channel == "webhook" ? _webhooks.Body(work) : null;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(TriesLeft, Math.Max(1, delivery.MaxAttempts - work.Attempts));
            try
            {
                await _pipeline.ExecuteAsync(async ctx =>
                {
                    var token = ctx.CancellationToken;
                    Interlocked.Increment(ref tries);
                    if (body is not null)
                    {
                        await _webhooks.SendAsync(work, body, token);
                    }
                    else if (work.Channel == PushLane)
                    {
                        await _push.SendAsync(work, token);
                    }
                    else
                    {
                        await _email.SendAsync(work, token);
                    }
                }, context);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and a server sends it again, under the same key.
            throw;
        }
        catch (Exception ex)
        {
            var permanent = ex is DeliveryFailedException { Permanent: true };
            // Claims so far, counting this one: the wait before the next claim doubles each time, up to an hour.
            var claims = 1 + (work.Attempts / (delivery.RetriesPerClaim + 1));
            var wait = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, delivery.RequeueDelay.Ticks * (1L << Math.Min(claims - 1, 10))));
            if (ex is DeliveryFailedException { RetryAfter: { } asked })
            {
                // The receiver said when to come back (429/503 with Retry-After): then, within the cap; never sooner
                // than the backoff, so "Retry-After: 0" cannot spend every attempt in a few polls.
                var honoured = asked < delivery.RetryAfterCap ? asked : delivery.RetryAfterCap;
                wait = honoured > wait ? honoured : wait;
            }
            var kind = ex switch
            {
                DeliveryFailedException failed => failed.Kind,
                TimeoutRejectedException or TimeoutException => DeliveryErrorKinds.Timeout,
                _ => DeliveryErrorKinds.Other,
            };
            var dead = await _store.MarkFailedAsync(work.DeliveryId, Math.Max(tries, 1), ex.Message, wait, delivery.MaxAttempts, permanent,
                CancellationToken.None, kind);
            if (dead)
            {
                LogDeadLetter(work.DeliveryId, work.Channel, ex.Message);
            }
            else
            {
                LogRetryLater(work.DeliveryId, work.Channel, wait, ex.Message);
            }

            return permanent;
        }

        await _store.MarkSentAsync(work.DeliveryId, tries, CancellationToken.None);
        return true;
    }

    // Long enough for every try of one claim, with its backoff, so no other server starts it while this one works.
    private TimeSpan Lease(DeliveryOptions delivery)
    {
        var retries = Math.Max(0, delivery.RetriesPerClaim);
        var work = delivery.AttemptTimeout * (retries + 1) + delivery.RetryDelay * ((1 << Math.Min(retries + 1, 16)) * 1.5) + TimeSpan.FromSeconds(30);
        return work > _options.Value.LeaseDuration ? work : _options.Value.LeaseDuration;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) is a dead letter: {Error}")]
    private partial void LogDeadLetter(long deliveryId, string channel, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Channel}) failed; next try in {Wait}: {Error}")]
    private partial void LogRetryLater(long deliveryId, string channel, TimeSpan wait, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery lane of {Receiver} failed")]
    private partial void LogLaneFailed(Exception ex, string receiver);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox run failed ({Failures} in a row); retrying")]
    private partial void LogOutboxFailed(Exception ex, int failures);
}
