using Dapper;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Sql;

/// <summary>
/// An online backup of the embedded database while the app keeps serving: SQLite's <c>VACUUM INTO</c> writes a
/// consistent copy of one snapshot. On SQL Server, use the server's own BACKUP DATABASE.
/// </summary>
public sealed class DatabaseBackup(ConnectionFactory factory)
{
    public async Task<string> BackupAsync(string targetPath, CancellationToken cancellationToken = default)
    {
        if (factory.Provider != DatabaseProvider.Sqlite)
        {
            throw new NotSupportedException("Back up SQL Server with BACKUP DATABASE; this command covers the embedded SQLite file.");
        }

        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists; a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @target;", new { target }, cancellationToken: cancellationToken));
        return target;
    }

    /// <summary>SQLite's own integrity check of a database file: "ok" when sound.</summary>
    public static async Task<string> IntegrityCheckAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return string.Join("; ", await connection.QueryAsync<string>(new CommandDefinition("PRAGMA integrity_check;", cancellationToken: cancellationToken)));
    }
}
