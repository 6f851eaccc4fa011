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

    /// <summary>
    /// The date part of the UTC date-time expression <paramref name="utc"/> moved by <paramref name="hours"/> (an
    /// integer expression): a local date, given a zone's offset (see <c>RegionCalendar.LocalDateSql</c>).
    /// </summary>
    public abstract string DateAfterHours(string utc, string hours);

    /// <summary>The first <paramref name="length"/> characters of a text expression.</summary>
    public abstract string Left(string text, int length);

    /// <summary>An expression that makes a new random operation id (text, 36 characters).</summary>
    public abstract string NewOperationId { get; }

    /// <summary>A query that counts the tables named <c>@Name</c> (0 or 1).</summary>
    public abstract string CountTablesNamed { get; }

    /// <summary>
    /// A read-only transaction in which several SELECTs see one consistent state (counts and the event log's end
    /// agree), taking as few locks as the store allows.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginConsistentReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Two text expressions joined into one.</summary>
    public abstract string Concat(string left, string right);

    /// <summary>
    /// A scalar SQL expression: the highest <c>Id</c> of <paramref name="table"/> (an identity table with a
    /// <c>RowVer</c> column on SQL Server) that a reader may take without skipping a row a still-open transaction will
    /// commit later; null when the table is empty. The same rule as <see cref="SafeEventBound"/>.
    /// </summary>
    public abstract string SafeIdBound(string table);

    /// <summary>
    /// One statement that leases up to <paramref name="take"/> rows of <paramref name="table"/> matching
    /// <paramref name="where"/> (lowest <c>Id</c> first where the dialect can order) by running
    /// <paramref name="set"/> on them, and returns their <c>Id</c>s. Rows another server is leasing at the same moment
    /// are skipped, not waited for.
    /// </summary>
    public abstract string ClaimRows(string table, string set, string where, int take);

    /// <summary>
    /// Whether <paramref name="exception"/> is this store refusing a duplicate key (a UNIQUE constraint or index): two
    /// requests with one operation id that raced past the check before either committed. The caller rolls back and
    /// returns what the first one stored.
    /// </summary>
    public abstract bool IsUniqueViolation(Exception exception);

    internal static string ColumnList(IReadOnlyList<string> columns) => string.Join(", ", columns);

    internal static string ParameterList(IReadOnlyList<string> columns) => string.Join(", ", columns.Select(c => "@" + c));
}
