using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Readiness.Data.Sql;

/// <summary>
/// One process at a time migrates and seeds a database: two servers started together on a fresh database, or the
/// <c>migrate</c> command beside a running app, would otherwise both create the same tables and the same first admin,
/// and one of them would die. The second waits for the first, then finds the work done.
/// </summary>
/// <remarks>
/// SQL Server: an exclusive session application lock (<c>sp_getapplock</c>) on a connection held while the work runs;
/// the server releases it if the process dies. SQLite: an exclusive transaction on a small SQLite file beside the
/// database (<c>readiness.db.startup-lock</c>), whose file lock the operating system releases if the process dies. Not
/// in the database file itself: an exclusive transaction there would also shut out the migrator's own connections, and
/// a lock row needs a table that a fresh file does not have yet.
/// </remarks>
public sealed partial class StartupLock(ConnectionFactory factory, TimeProvider time, ILogger<StartupLock> logger)
{
    /// <summary>The SQL Server application lock's resource name.</summary>
    public const string Resource = "readiness:startup";

    /// <summary>How long to wait for another process's migrations and seeding before giving up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Waits until no other process holds the lock, takes it, and returns it; dispose to release.</summary>
    /// <exception cref="TimeoutException">Another process held the lock for longer than <see cref="Timeout"/>.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken = default) =>
        factory.Provider == DatabaseProvider.SqlServer
            ? await AcquireSqlServerAsync(cancellationToken)
            : await AcquireFileAsync(cancellationToken);

    private async Task<IAsyncDisposable> AcquireSqlServerAsync(CancellationToken cancellationToken)
    {
        var connection = await factory.OpenAsync(cancellationToken);
        try
        {
            var parameters = new DynamicParameters(new
            {
                Resource,
                LockMode = "Exclusive",
                LockOwner = "Session",
                LockTimeout = (int)Timeout.TotalMilliseconds,
            });
            parameters.Add("result", dbType: DbType.Int32, direction: ParameterDirection.ReturnValue);
            await connection.ExecuteAsync(new CommandDefinition("sp_getapplock", parameters, commandType: CommandType.StoredProcedure,
                commandTimeout: (int)Timeout.TotalSeconds + 30, cancellationToken: cancellationToken));
            // 0: granted at once; 1: granted after waiting; negative: timed out, cancelled, deadlock or error.
            var result = parameters.Get<int>("result");
            if (result < 0)
            {
                throw new TimeoutException($"The startup lock '{Resource}' was not granted (sp_getapplock returned {result}).");
            }

            if (result == 1)
            {
                LogWaited(Resource);
            }

            return new SqlServerLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<IAsyncDisposable> AcquireFileAsync(CancellationToken cancellationToken)
    {
        var path = factory.SqliteFilePath is { Length: > 0 } file && !file.Contains(":memory:", StringComparison.Ordinal)
            ? file + ".startup-lock"
            : null;
        if (path is null)
        {
            // An in-memory database belongs to one process: nobody to wait for.
            return new FileLock(null);
        }

        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, ConnectionFactory.OwnerOnly(new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write }));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first.
            }
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var begin = connection.CreateCommand();
            // SQLite's own busy wait (the lock is a file lock the OS drops with a dead process); the command timeout
            // bounds it.
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.CommandTimeout = (int)Timeout.TotalSeconds;
            var started = time.GetTimestamp();
            await Task.Run(() => begin.ExecuteNonQuery(), cancellationToken);
            if (time.GetElapsedTime(started) > TimeSpan.FromSeconds(1))
            {
                LogWaited(path);
            }

            return new FileLock(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"The startup lock '{path}' was held by another process for longer than {Timeout}.", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for another process to finish migrating and seeding the database (lock {Lock})")]
    private partial void LogWaited(string @lock);

    private sealed class SqlServerLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Released by name: a pooled connection's session outlives this object, and the lock with it.
                await connection.ExecuteAsync("sp_releaseapplock", new { Resource, LockOwner = "Session" }, commandType: CommandType.StoredProcedure);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class FileLock(SqliteConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                // Closing rolls the empty transaction back, which releases the lock.
                await connection.DisposeAsync();
            }
        }
    }
}
