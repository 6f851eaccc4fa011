using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Seed;
using Readiness.Data.Sql;

namespace Readiness.Data.Tests;

/// <summary>
/// One SQLite file per test run that is migrated and seeded with the national reference data (7,285 kecamatan, the
/// 2024 election, the templates), copied into each test's own folder instead of migrating and seeding again. A copy
/// is the same file the migrations and the seeder would have written: the seeder does not read the clock.
/// Compiled into the data tests and the component tests (linked there), so both suites share the rule.
/// </summary>
public static class SeededTemplate
{
    private static readonly Lazy<Task<string>> Template = new(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Makes <paramref name="factory"/>'s SQLite file migrated and seeded: a copy of the run's template when the file
    /// does not exist yet (nothing has opened it), otherwise by running <paramref name="migrateAndSeed"/> on it.
    /// </summary>
    public static async Task MigrateAndSeedAsync(ConnectionFactory factory, Func<Task> migrateAndSeed)
    {
        if (factory.SqliteFilePath is not { } file || File.Exists(file))
        {
            await migrateAndSeed();
            return;
        }

        File.Copy(await Template.Value, file);
    }

    private static async Task<string> CreateAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "readiness-tests");
        var directory = Path.Combine(root, "template-" + Guid.NewGuid().ToString("N"));
        var template = Path.Combine(root, "template-" + Guid.NewGuid().ToString("N") + ".db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = directory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddReadinessData(configuration);
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await provider.GetRequiredService<ReferenceSeeder>().SeedAsync();
            await using var connection = await provider.GetRequiredService<ConnectionFactory>().OpenAsync();
            // One self-contained file (no -wal beside it), whatever the pool still holds open.
            await connection.ExecuteAsync("VACUUM INTO @template;", new { template });
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(() => Directory.Delete(directory, recursive: true));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(() => File.Delete(template));
        return template;
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
