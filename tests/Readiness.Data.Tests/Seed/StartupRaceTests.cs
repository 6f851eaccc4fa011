using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Readiness.Data.Accounts;
using Readiness.Data.Seed;
using Readiness.Data.Sql;

namespace Readiness.Data.Tests.Seed;

/// <summary>
/// Two servers (or the migrate command beside the app) starting on one fresh database file: both come up, the schema,
/// the reference data and the first admin are made once.
/// </summary>
public sealed class StartupRaceTests : IDisposable
{
    private readonly TestDatabase _first = new();
    private readonly TestDatabase _second;

    public StartupRaceTests() => _second = new TestDatabase(shareWith: _first);

    [Fact]
    public async Task Two_starts_on_one_fresh_file_both_succeed_and_make_the_schema_and_the_first_admin_once()
    {
        var passwords = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var gate = new Barrier(2);

        Task<bool> Start(TestDatabase db) => Task.Run(async () =>
        {
            gate.SignalAndWait();
            return await db.Get<DatabaseInitializer>().InitializeAsync(withDemo: false, async _ =>
            {
                using var scope = db.Scope();
                if (await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureAdminAsync() is { } password)
                {
                    passwords.Add(password);
                }
            });
        });

        var started = await Task.WhenAll(Start(_first), Start(_second));

        Assert.Equal([true, true], started);
        Assert.Single(passwords);
        await using var connection = await _first.Factory.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Users WHERE UserName = 'admin';"));
        Assert.Equal(DatabaseMigrator.ShippedScripts("sqlite").Count,
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaVersions;"));
        Assert.Empty(await _second.Migrations.PendingAsync());
    }

    [Fact]
    public async Task A_second_process_waits_while_the_first_holds_the_startup_lock_and_goes_on_when_it_is_released()
    {
        var held = await new StartupLock(_first.Factory, TimeProvider.System, NullLogger<StartupLock>.Instance).AcquireAsync();
        var second = new StartupLock(_second.Factory, TimeProvider.System, NullLogger<StartupLock>.Instance).AcquireAsync();

        Assert.False(second.IsCompleted);

        await held.DisposeAsync();
        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_fresh_database_file_is_readable_by_the_apps_user_only()
    {
        _ = _first.Factory;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_first.FilePath));
        }
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
