using System.Data;

namespace Readiness.Data.SqlServer.Tests;

/// <summary>One command as the data layer sent it: its text and its parameters' names and SQL types.</summary>
internal sealed record RecordedStatement(string Sql, IReadOnlyList<(string Name, SqlDbType Type, int Size)> Parameters);
