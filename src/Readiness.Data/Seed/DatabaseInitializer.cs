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
    StartupLock startupLock,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>
    /// Migrates (when configured) and seeds, then runs <paramref name="andThen"/> (the first accounts), all under the
    /// <see cref="StartupLock"/>: a second process starting on the same database waits, then finds the work done.
    /// Returns false when migrations are pending and nothing else could be done.
    /// </summary>
    public async Task<bool> InitializeAsync(bool withDemo, Func<CancellationToken, Task>? andThen = null, CancellationToken cancellationToken = default)
    {
        await using var held = await startupLock.AcquireAsync(cancellationToken);
        if (!await MigrateAndSeedAsync(withDemo, cancellationToken))
        {
            return false;
        }

        if (andThen is not null)
        {
            await andThen(cancellationToken);
        }

        return true;
    }

    private async Task<bool> MigrateAndSeedAsync(bool withDemo, CancellationToken cancellationToken)
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
