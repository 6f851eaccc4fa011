using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Readiness.Data.Sql;

namespace Readiness.Data.Seed;

/// <summary>What happens to the database when the app starts: migrations (when configured), reference data, demo data.</summary>
public sealed partial class DatabaseInitializer(
    IOptions<DatabaseOptions> options,
    DatabaseMigrator migrations,
    ReferenceSeeder reference,
    DemoSeeder demo,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Returns false when migrations are pending and nothing else could be done.</summary>
    public async Task<bool> InitializeAsync(bool withDemo, CancellationToken cancellationToken = default)
    {
        if (options.Value.ShouldMigrateOnStart)
        {
            await migrations.MigrateAsync(cancellationToken);
        }

        var pending = await migrations.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            // Without the schema nothing below can run; /healthz reports 503 until an operator migrates.
            LogPending(pending.Count);
            return false;
        }

        await reference.SeedAsync(cancellationToken);
        if (withDemo)
        {
            await demo.SeedAsync(cancellationToken);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} migrations are pending and Database:MigrateOnStart is off: run the migrate command")]
    private partial void LogPending(int count);
}
