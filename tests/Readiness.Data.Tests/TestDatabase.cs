using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Sql;

namespace Readiness.Data.Tests;

/// <summary>A real SQLite file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase(DateTimeOffset? now = null)
    {
        TypeHandlers.Register();
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero));
        Factory = new ConnectionFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = _directory });
        Migrations = new MigrationRunner(Factory, NullLogger<MigrationRunner>.Instance);
        Checklists = new ChecklistStore(Factory, Time);
    }

    public FakeTimeProvider Time { get; }

    public ConnectionFactory Factory { get; }

    public MigrationRunner Migrations { get; }

    public ChecklistStore Checklists { get; }

    public RegionStore Regions => new(Factory);

    public ElectionStore Elections => new(Factory);

    public ReadinessStore Readiness => new(Factory);

    public string FilePath => Factory.SqliteFilePath!;

    /// <summary>Migrated and seeded with the national reference data.</summary>
    public async Task<TestDatabase> ReadyAsync()
    {
        await Migrations.MigrateAsync();
        await new ReferenceSeeder(Factory, NullLogger<ReferenceSeeder>.Instance).SeedAsync();
        return this;
    }

    public DemoSeeder DemoSeeder() => new(Factory, Checklists, Time, NullLogger<DemoSeeder>.Instance);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection: the temp folder is cleaned by the OS.
        }
    }
}
