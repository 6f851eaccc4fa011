using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Sql;

namespace Readiness.Data.Tests;

/// <summary>
/// A real SQLite file in a fresh temporary folder, deleted afterwards, with the data services wired as the app
/// wires them (AddReadinessData) and a clock the test controls.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public TestDatabase(DateTimeOffset? now = null)
        : this(new FakeTimeProvider(now ?? new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero)))
    {
    }

    /// <summary>With a clock of the test's own (a fake clock that also observes when it is read).</summary>
    public TestDatabase(FakeTimeProvider time)
    {
        Time = time;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddReadinessData(configuration);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public ConnectionFactory Factory => Get<ConnectionFactory>();

    public MigrationRunner Migrations => Get<MigrationRunner>();

    public ChecklistStore Checklists => Get<ChecklistStore>();

    public RegionStore Regions => Get<RegionStore>();

    public ElectionStore Elections => Get<ElectionStore>();

    public ReadinessStore Readiness => Get<ReadinessStore>();

    public ScreenTokenStore ScreenTokens => Get<ScreenTokenStore>();

    public string FilePath => Factory.SqliteFilePath!;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A scope, as one request or circuit has: UserManager and UserAdministration live in it.</summary>
    public IServiceScope Scope() => _services.CreateScope();

    /// <summary>Migrated and seeded with the national reference data.</summary>
    public async Task<TestDatabase> ReadyAsync()
    {
        await Migrations.MigrateAsync();
        await Get<ReferenceSeeder>().SeedAsync();
        return this;
    }

    public DemoSeeder DemoSeeder() => Get<DemoSeeder>();

    public static Actor Admin { get; } = new() { Name = "admin", Role = Roles.Admin, UserId = -1 };

    public static Actor Liaison(string agency, params string[] scopes) =>
        new() { Name = "penghubung." + agency.ToLowerInvariant(), Role = Roles.Liaison, AgencyCode = agency, Scopes = scopes };

    public void Dispose()
    {
        _services.Dispose();
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
