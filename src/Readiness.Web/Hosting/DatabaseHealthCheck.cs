using Microsoft.Extensions.Diagnostics.HealthChecks;
using Readiness.Data.Sql;

namespace Readiness.Web.Hosting;

/// <summary>Healthy only when the database answers and every shipped migration has been applied.</summary>
internal sealed class DatabaseHealthCheck(DatabaseMigrator migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrations.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database answers; migrations are current.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations pending: {string.Join(", ", pending)}.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Database does not answer.", ex);
        }
    }
}
