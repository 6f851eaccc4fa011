using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.SqlClient;

namespace Readiness.Data.SqlServer.Tests;

/// <summary>
/// A connection that records every command the data layer sends, with its parameters, and answers with canned rows
/// and scalars (or nothing) so each method goes on to send its later statements. No behaviour is claimed from its
/// answers: it only collects the T-SQL the SqlServer dialect produces, for SQL Server's own parser and schema model.
/// </summary>
internal sealed class RecordingConnection(List<RecordedStatement> log, Func<string, object?> scalar, Func<string, DataTable> rows) : DbConnection
{
    [AllowNull]
    public override string ConnectionString { get; set; } = "";

    public override string Database => "Readiness";

    public override string DataSource => "recording";

    public override string ServerVersion => "16.0";

    public override ConnectionState State => ConnectionState.Open;

    public override void ChangeDatabase(string databaseName)
    {
    }

    public override void Close()
    {
    }

    public override void Open()
    {
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new RecordingTransaction(this, isolationLevel);

    protected override DbCommand CreateDbCommand() => new RecordingCommand(this, log, scalar, rows);

    private sealed class RecordingTransaction(DbConnection connection, IsolationLevel level) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => level;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    private sealed class RecordingCommand(DbConnection connection, List<RecordedStatement> log, Func<string, object?> scalar, Func<string, DataTable> rows) : DbCommand
    {
        private readonly SqlParameterCollection _parameters = new SqlCommand().Parameters;

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; } = connection;

        protected override DbParameterCollection DbParameterCollection => _parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery()
        {
            Record();
            return 1;
        }

        public override object? ExecuteScalar()
        {
            Record();
            return scalar(CommandText);
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            Record();
            return rows(CommandText).CreateDataReader();
        }

        private void Record()
        {
            lock (log)
            {
                log.Add(new RecordedStatement(CommandText,
                    _parameters.Cast<SqlParameter>().Select(p => (p.ParameterName.TrimStart('@'), p.SqlDbType, p.Size)).ToList()));
            }
        }
    }
}
