namespace Readiness.Data.Sql;

/// <summary>A migration script failed; its transaction was rolled back and it was not journaled.</summary>
public sealed class MigrationFailedException(string scriptName, Exception? inner)
    : Exception($"Migration {scriptName} failed and was rolled back: {inner?.Message}", inner)
{
    /// <summary>The script's journal name, e.g. <c>migrations/sqlite/0005_name.sql</c>.</summary>
    public string ScriptName { get; } = scriptName;
}
