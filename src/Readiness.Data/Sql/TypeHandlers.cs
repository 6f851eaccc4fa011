using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Sql;

/// <summary>
/// SQLite hands dates back as text and SqlClient 2.1 does not know DateOnly: these handlers make both stores read
/// and write the same CLR types. Timestamps are UTC everywhere.
/// </summary>
public static class TypeHandlers
{
    public const string SqliteTimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";
    public const string SqliteDateFormat = "yyyy-MM-dd";

    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Dapper maps these types itself unless they leave its type map; only then are the handlers used for parameters.
        foreach (var type in new[] { typeof(DateTime), typeof(DateTime?), typeof(DateOnly), typeof(DateOnly?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override void SetValue(IDbDataParameter parameter, DateTime value)
        {
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
            if (parameter is SqliteParameter)
            {
                // Fixed-width text sorts in time order, so SQLite can compare and index it.
                parameter.DbType = DbType.String;
                parameter.Value = utc.ToString(SqliteTimestampFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.DateTime2;
                parameter.Value = utc;
            }
        }

        public override DateTime Parse(object value) => value switch
        {
            DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
            string s => DateTime.SpecifyKind(
                DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                DateTimeKind.Utc),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a UTC timestamp."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString(SqliteDateFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            string s => DateOnly.FromDateTime(DateTime.Parse(s, CultureInfo.InvariantCulture)),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
        };
    }
}
