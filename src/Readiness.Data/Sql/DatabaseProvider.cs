namespace Readiness.Data.Sql;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
