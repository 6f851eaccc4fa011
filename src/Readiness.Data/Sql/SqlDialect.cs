using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Sql;

/// <summary>
/// Everything that differs between SQLite and SQL Server. Every other statement is written once and runs on both.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The folder under <c>database/</c> that holds this dialect's migrations.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>Appended after an INSERT into a table with an identity key, in the same command: returns the new key.</summary>
    public abstract string SelectInsertedId { get; }

    /// <summary>The tail of an ordered SELECT that skips <c>@Skip</c> rows and returns <c>@Take</c>.</summary>
    public abstract string Page { get; }

    /// <summary>The tail of an ordered SELECT that returns at most <paramref name="count"/> rows.</summary>
    public abstract string Top(int count);

    /// <summary>
    /// An INSERT of <paramref name="columns"/> into <paramref name="table"/> from parameters of the same names that
    /// does nothing when a row with the same <paramref name="keyColumns"/> exists.
    /// </summary>
    public abstract string InsertIfMissing(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns);

    /// <summary>
    /// A scalar SQL expression: the highest event sequence number the live feed may read without ever skipping an
    /// event that a still-open transaction will commit later (null when there is no event yet).
    /// </summary>
    public abstract string SafeEventBound { get; }

    /// <summary>A date expression <paramref name="date"/> plus <paramref name="days"/> (an integer expression) days.</summary>
    public abstract string AddDays(string date, string days);

    /// <summary>The first <paramref name="length"/> characters of a text expression.</summary>
    public abstract string Left(string text, int length);

    /// <summary>An expression that makes a new random operation id (text, 36 characters).</summary>
    public abstract string NewOperationId { get; }

    /// <summary>Creates the table that records which migrations have been applied, when it is missing.</summary>
    public abstract string JournalTableDdl { get; }

    /// <summary>
    /// A read-only transaction in which several SELECTs see one consistent state (counts and the event log's end
    /// agree), taking as few locks as the store allows.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginConsistentReadAsync(DbConnection connection, CancellationToken cancellationToken);

    internal static string ColumnList(IReadOnlyList<string> columns) => string.Join(", ", columns);

    internal static string ParameterList(IReadOnlyList<string> columns) => string.Join(", ", columns.Select(c => "@" + c));
}

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string MigrationFolder => "sqlite";

    public override string SelectInsertedId => "SELECT last_insert_rowid();";

    public override string AddDays(string date, string days) => $"date({date}, ({days}) || ' days')";

    public override string Left(string text, int length) => $"substr({text}, 1, {length})";

    public override string NewOperationId =>
        "lower(substr(hex(randomblob(4)),1,8) || '-' || substr(hex(randomblob(2)),1,4) || '-4' || substr(hex(randomblob(2)),2,3) || '-' || " +
        "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2,3) || '-' || hex(randomblob(6)))";

    public override string Page => "LIMIT @Take OFFSET @Skip";

    public override string Top(int count) => $"LIMIT {count}";

    public override string InsertIfMissing(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({ColumnList(columns)}) VALUES ({ParameterList(columns)}) " +
        $"ON CONFLICT ({ColumnList(keyColumns)}) DO NOTHING;";

    // One writer at a time: an event's sequence number is visible only after every lower one has committed.
    public override string SafeEventBound => "(SELECT MAX(Seq) FROM ItemEvents)";

    // A deferred transaction takes no write lock; WAL gives it one snapshot from its first read on.
    public override ValueTask<DbTransaction> BeginConsistentReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override string JournalTableDdl => """
        CREATE TABLE IF NOT EXISTS SchemaJournal (
            Number INTEGER NOT NULL PRIMARY KEY,
            Name TEXT NOT NULL,
            AppliedAtUtc TEXT NOT NULL
        );
        """;
}

public sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public override string MigrationFolder => "sqlserver";

    public override string SelectInsertedId => "SELECT CAST(SCOPE_IDENTITY() AS bigint);";

    public override string AddDays(string date, string days) => $"DATEADD(day, {days}, {date})";

    public override string Left(string text, int length) => $"LEFT({text}, {length})";

    public override string NewOperationId => "NEWID()";

    public override string Page => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    public override string Top(int count) => $"OFFSET 0 ROWS FETCH NEXT {count} ROWS ONLY";

    public override string InsertIfMissing(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({ColumnList(columns)}) SELECT {ParameterList(columns)} " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE " +
        string.Join(" AND ", keyColumns.Select(c => $"{c} = @{c}")) + ");";

    // Identity values are handed out before commit, so Seq order is not commit order: a transaction holding Seq 10
    // may commit after one holding Seq 11. Every row whose rowversion is below MIN_ACTIVE_ROWVERSION() was written by
    // a transaction that has ended; the lowest Seq at or above it (read without waiting for locks, so rows of open
    // transactions count too) is the first event that may still be in flight, and the bound stops just below it.
    public override string SafeEventBound => """
        (SELECT COALESCE(
            (SELECT MIN(Seq) - 1 FROM ItemEvents WITH (READUNCOMMITTED) WHERE RowVer >= MIN_ACTIVE_ROWVERSION()),
            (SELECT MAX(Seq) FROM ItemEvents)))
        """;

    // Serializable: the read of MAX(Seq) waits for any uncommitted event, so the counts include every event up to it.
    public override ValueTask<DbTransaction> BeginConsistentReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    public override string JournalTableDdl => """
        IF OBJECT_ID(N'dbo.SchemaJournal', N'U') IS NULL
        CREATE TABLE dbo.SchemaJournal (
            Number int NOT NULL PRIMARY KEY,
            Name nvarchar(200) NOT NULL,
            AppliedAtUtc datetime2(3) NOT NULL
        );
        """;
}
