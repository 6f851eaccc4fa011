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
    private readonly string _directory;
    private readonly bool _ownsDirectory;
    private readonly ServiceProvider _services;

    /// <param name="now">The clock's start.</param>
    /// <param name="shareWith">Another test database whose file this one opens too, as a second server would.</param>
    /// <param name="settings">Extra configuration.</param>
    public TestDatabase(DateTimeOffset? now = null, TestDatabase? shareWith = null, IReadOnlyDictionary<string, string?>? settings = null)
        : this(new FakeTimeProvider(now ?? new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero)), shareWith, settings)
    {
    }

    /// <summary>With a clock of the test's own (a fake clock that also observes when it is read).</summary>
    public TestDatabase(FakeTimeProvider time, TestDatabase? shareWith = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _directory = shareWith?._directory ?? Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));
        _ownsDirectory = shareWith is null;
        Time = time;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddReadinessData(configuration);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public ConnectionFactory Factory => Get<ConnectionFactory>();

    public DatabaseMigrator Migrations => Get<DatabaseMigrator>();

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

    /// <summary>
    /// Migrated and seeded with the national reference data: a copy of the run's seeded template when the file is new
    /// (see <see cref="SeededTemplate"/>), the migrations and the seeder run on it otherwise (a database shared with
    /// another, or opened already).
    /// </summary>
    public async Task<TestDatabase> ReadyAsync()
    {
        await SeededTemplate.MigrateAndSeedAsync(Factory, async () =>
        {
            await Migrations.MigrateAsync();
            await Get<ReferenceSeeder>().SeedAsync();
        });
        return this;
    }

    public DemoSeeder DemoSeeder() => Get<DemoSeeder>();

    /// <summary>The item of <paramref name="templateCode"/> in <paramref name="region"/> for <paramref name="electionId"/>, as stored now.</summary>
    public async Task<ChecklistItem> ItemOfTemplateAsync(int electionId, string templateCode, string region)
    {
        await using var connection = await Factory.OpenAsync();
        var id = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, """
            SELECT i.Id FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE t.Code = @templateCode AND i.RegionCode = @region AND i.ElectionId = @electionId;
            """, new { templateCode, region, electionId });
        return (await Checklists.FindAsync(id))!;
    }

    public static Actor Admin { get; } = new() { Name = "admin", Role = Roles.Admin, UserId = -1 };

    public static Actor Liaison(string agency, params string[] scopes) =>
        new() { Name = "penghubung." + agency.ToLowerInvariant(), Role = Roles.Liaison, AgencyCode = agency, Scopes = scopes };

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDirectory)
        {
            return;
        }

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
