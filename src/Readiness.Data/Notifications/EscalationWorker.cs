using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Readiness.Data.Notifications;

/// <summary>
/// Runs the escalation rules, then every feature's <see cref="IEscalationSweep"/>, every
/// <see cref="NotificationOptions.EvaluateInterval"/> on this server. A sweep that fails does not stop the others.
/// </summary>
public sealed partial class EscalationWorker(
    EscalationEngine engine,
    IEnumerable<IEscalationSweep> sweeps,
    NotificationSignal signal,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<EscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next interval tries again; a rule whose run failed was rolled back and its lease runs out.
                LogRunFailed(ex);
            }

            var notified = 0;
            foreach (var sweep in sweeps)
            {
                try
                {
                    notified += await sweep.SweepAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogSweepFailed(sweep.GetType().Name, ex);
                }
            }

            if (notified > 0)
            {
                signal.Nudge();
            }

            try
            {
                await Task.Delay(options.Value.EvaluateInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation run failed; retrying at the next interval")]
    private partial void LogRunFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation sweep {Sweep} failed; retrying at the next interval")]
    private partial void LogSweepFailed(string sweep, Exception ex);
}
