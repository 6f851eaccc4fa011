using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Sql;

public sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public override string MigrationFolder => "sqlserver";

    public override string SelectInsertedId => "SELECT CAST(SCOPE_IDENTITY() AS bigint);";

    public override string AddDays(string date, string days) => $"DATEADD(day, {days}, {date})";

    public override string DateAfterHours(string utc, string hours) => $"CAST(DATEADD(hour, {hours}, {utc}) AS date)";

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
    // 2601: a duplicate key in a unique index; 2627: in a UNIQUE or PRIMARY KEY constraint.
    public override bool IsUniqueViolation(Exception exception) =>
        exception is Microsoft.Data.SqlClient.SqlException sql && sql.Errors.Cast<Microsoft.Data.SqlClient.SqlError>().Any(e => e.Number is 2601 or 2627);

    public override ValueTask<DbTransaction> BeginConsistentReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    public override string CountTablesNamed => "SELECT COUNT(*) FROM sys.tables WHERE name = @Name AND schema_id = SCHEMA_ID(N'dbo');";

    public override string Concat(string left, string right) => $"({left} + {right})";

    // See SafeEventBound: identity values are taken before commit, so the same rowversion bound applies.
    public override string SafeIdBound(string table) => $"""
        (SELECT COALESCE(
            (SELECT MIN(Id) - 1 FROM {table} WITH (READUNCOMMITTED) WHERE RowVer >= MIN_ACTIVE_ROWVERSION()),
            (SELECT MAX(Id) FROM {table})))
        """;

    // READPAST skips rows another server has locked for its own claim; UPDLOCK keeps two claims off the same row.
    public override string ClaimRows(string table, string set, string where, int take) =>
        $"UPDATE TOP ({take}) {table} WITH (ROWLOCK, UPDLOCK, READPAST) SET {set} OUTPUT inserted.Id WHERE {where};";

}
