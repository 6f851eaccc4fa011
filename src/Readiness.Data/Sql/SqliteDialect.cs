using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Sql;

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string MigrationFolder => "sqlite";

    public override string SelectInsertedId => "SELECT last_insert_rowid();";

    public override string AddDays(string date, string days) => $"date({date}, ({days}) || ' days')";

    public override string DateAfterHours(string utc, string hours) => $"date({utc}, ({hours}) || ' hours')";

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

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY, extended codes of SQLITE_CONSTRAINT (19).
    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override string CountTablesNamed => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @Name;";

    public override string Concat(string left, string right) => $"({left} || {right})";

    public override string SafeIdBound(string table) => $"(SELECT MAX(Id) FROM {table})";

    // A single writer: the UPDATE holds the database's write lock, so two servers never lease the same row.
    public override string ClaimRows(string table, string set, string where, int take) =>
        $"UPDATE {table} SET {set} WHERE Id IN (SELECT Id FROM {table} WHERE {where} ORDER BY Id LIMIT {take}) RETURNING Id;";

}
