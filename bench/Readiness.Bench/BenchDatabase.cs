using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data;
using Readiness.Data.Accounts;

namespace Readiness.Bench;

/// <summary>The data services as the app wires them, over one SQLite file chosen by the driver.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Readiness"] = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 60 }.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReadinessData(configuration);
        _services = services.BuildServiceProvider();
    }

    public string Path { get; }

    public static Actor Admin { get; } = new() { Name = "bench.admin", Role = Roles.Admin, UserId = -1 };

    /// <summary>A liaison officer of <paramref name="agency"/> whose scope is the given regions.</summary>
    public static Actor Liaison(string agency, IReadOnlyList<string> scopes, string? name = null) =>
        new() { Name = name ?? "bench." + agency.ToLowerInvariant(), Role = Roles.Liaison, AgencyCode = agency, Scopes = scopes };

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
