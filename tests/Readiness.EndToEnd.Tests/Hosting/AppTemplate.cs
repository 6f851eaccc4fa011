using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>
/// A data folder the app seeded once in this test run (the nation's regions, the demo election, the demo users, the
/// admin, the cookie keys), copied into the folder of each <see cref="AppFixture"/> before its app starts, so that
/// start finds everything seeded and seeds nothing again. The demo election is placed relative to the day it was
/// created, so the template is made again when the date has changed in any of Indonesia's zones since.
/// </summary>
internal static partial class AppTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Seeded? _template;

    /// <summary>Copies the run's seeded data folder into <paramref name="dataDirectory"/>; returns the admin's password.</summary>
    public static async Task<string> CopyToAsync(string dataDirectory)
    {
        await Gate.WaitAsync();
        try
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            if (_template is null || !SameDayEverywhere(_template.CreatedUtc, now))
            {
                _template = await CreateAsync(now);
            }

            Directory.CreateDirectory(dataDirectory);
            foreach (var file in Directory.EnumerateFiles(_template.Directory, "*", SearchOption.AllDirectories))
            {
                // SQLite rebuilds the shared-memory index from the WAL; a copy of it could be stale.
                if (file.EndsWith("-shm", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.Combine(dataDirectory, Path.GetRelativePath(_template.Directory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }

            return _template.AdminPassword;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<Seeded> CreateAsync(DateTime now)
    {
        var app = new AppProcess();
        await app.StartAsync(AppFixture.Settings);
        await app.StopAsync();
        await ReleaseLeasesAsync(Path.Combine(app.DataDirectory, "readiness.db"));
        var password = AdminPasswordLine().Match(app.Log).Groups[1].Value;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new Seeded(app.DataDirectory, now, password);
    }

    /// <summary>
    /// The stopped server may have held a rule's or a delivery's lease; a copy must not wait for it to run out. The WAL
    /// is folded into the file, so the copy is one file.
    /// </summary>
    private static async Task ReleaseLeasesAsync(string databaseFile)
    {
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE EscalationRules SET LeaseOwner = NULL, LeaseUntilUtc = NULL;
                UPDATE Deliveries SET LeaseOwner = NULL, LeaseUntilUtc = NULL;
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static bool SameDayEverywhere(DateTime a, DateTime b) =>
        new[] { 7, 8, 9 }.All(offset => a.AddHours(offset).Date == b.AddHours(offset).Date);

    [GeneratedRegex(@"user 'admin' created with password: (\S+)")]
    private static partial Regex AdminPasswordLine();

    private sealed record Seeded(string Directory, DateTime CreatedUtc, string AdminPassword);
}
