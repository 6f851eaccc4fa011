using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Readiness.Data.Notifications;

/// <summary>Runs the escalation rules every <see cref="NotificationOptions.EvaluateInterval"/> on this server.</summary>
public sealed partial class EscalationWorker(
    EscalationEngine engine,
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
}
