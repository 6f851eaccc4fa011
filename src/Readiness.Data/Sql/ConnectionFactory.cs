using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Readiness.Data.Sql;

/// <summary>
/// Opens a new connection for each operation (a singleton: never keep a connection in a scoped service, since in
/// Blazor Server a scope lives as long as the browser tab).
/// </summary>
public sealed class ConnectionFactory
{
    private readonly string _connectionString;
    private volatile bool _walChecked;

    public ConnectionFactory(IOptions<DatabaseOptions> options)
        : this(options.Value)
    {
    }

    public ConnectionFactory(DatabaseOptions options)
    {
        Provider = options.Provider;
        Dialect = options.Provider == DatabaseProvider.SqlServer ? SqlServerDialect.Instance : SqliteDialect.Instance;
        _connectionString = options.Provider switch
        {
            DatabaseProvider.SqlServer => options.ConnectionString
                ?? throw new InvalidOperationException(
                    "Database:Provider is SqlServer but ConnectionStrings:Readiness is empty."),
            _ => BuildSqliteConnectionString(options),
        };
    }

    /// <summary>
    /// A factory whose connections come from <paramref name="connect"/> (already open), speaking
    /// <paramref name="provider"/>'s dialect: for checking the statements a dialect produces without its server.
    /// </summary>
    internal ConnectionFactory(DatabaseProvider provider, Func<DbConnection> connect)
    {
        Provider = provider;
        Dialect = provider == DatabaseProvider.SqlServer ? SqlServerDialect.Instance : SqliteDialect.Instance;
        _connectionString = "";
        _connect = connect;
    }

    private readonly Func<DbConnection>? _connect;

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string, for tools that open their own connections (the migrator).</summary>
    internal string ConnectionString => _connectionString;

    public SqlDialect Dialect { get; }

    /// <summary>Where the SQLite database file is, or null on SQL Server.</summary>
    public string? SqliteFilePath => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(_connectionString).DataSource
        : null;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_connect is not null)
        {
            return _connect();
        }

        DbConnection connection = Provider == DatabaseProvider.SqlServer
            ? new SqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                await using var pragma = connection.CreateCommand();
                // Per connection: wait for a busy writer instead of failing, and enforce the foreign keys.
                pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                if (!_walChecked)
                {
                    // WAL lets readers (every open screen) go on while a liaison's save is written. The mode is kept
                    // in the file, so the first connection of the process sets it, outside any transaction (SQLite
                    // cannot switch journal modes inside one, so a migration could not do it).
                    pragma.CommandText = "PRAGMA journal_mode = WAL;";
                    await pragma.ExecuteNonQueryAsync(cancellationToken);
                    _walChecked = true;
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string BuildSqliteConnectionString(DatabaseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var directory = Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(AppContext.BaseDirectory, options.DataDirectory);
        // The file holds password hashes, tokens and the keys that sign cookies: readable by the app's user only.
        // SQLite gives its -wal and -shm files the database file's mode, so creating the file first is enough.
        var file = Path.Combine(directory, "readiness.db");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(file))
        {
            try
            {
                using var created = new FileStream(file, OwnerOnly(new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write }));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first.
            }
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Sets a file about to be created to be readable and writable by the app's user only (outside Windows).</summary>
    internal static FileStreamOptions OwnerOnly(FileStreamOptions options)
    {
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
