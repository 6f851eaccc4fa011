using System.Globalization;
using Dapper;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.ScriptProviders;
using Microsoft.Extensions.Logging;

namespace Readiness.Data.Sql;

/// <summary>
/// Applies the forward-only migrations with DbUp: the <c>NNNN_name.sql</c> scripts of <c>database/sqlite</c> or
/// <c>database/sqlserver</c>, embedded in this assembly as <c>migrations/{folder}/NNNN_name.sql</c> and run in name
/// order. Each script runs in its own transaction together with its row in DbUp's journal (<c>SchemaVersions</c>), so a
/// script that fails leaves nothing behind and is not journaled.
/// </summary>
/// <remarks>
/// Databases created before DbUp kept their history in <c>SchemaJournal</c> (Number, Name, AppliedAtUtc). The first
/// migration run copies that history into DbUp's journal (DbUp's own "mark as executed") without running any script
/// again; <c>SchemaJournal</c> stays as it was, is no longer written, and is only read to find entries not yet copied.
/// </remarks>
public sealed partial class DatabaseMigrator(ConnectionFactory factory, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The journal table of the runner that applied migrations before DbUp.</summary>
    public const string LegacyJournalTable = "SchemaJournal";

    /// <summary>DbUp's journal table (its default name).</summary>
    public const string JournalTable = "SchemaVersions";

    private const string ResourcePrefix = "migrations/";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The scripts shipped for a dialect's folder (<c>sqlite</c> or <c>sqlserver</c>), in the order they run. A script's
    /// name, as journaled, is its resource name: <c>migrations/sqlite/0001_schema_v1.sql</c>.
    /// </summary>
    public static IReadOnlyList<SqlScript> ShippedScripts(string folder) =>
        EmbeddedScripts(folder).GetScripts(null!).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>The scripts shipped for this database's dialect, in the order they run.</summary>
    public IReadOnlyList<SqlScript> ShippedScripts() => ShippedScripts(factory.Dialect.MigrationFolder);

    /// <summary>
    /// Applies the shipped scripts that are not journaled yet, after copying a pre-DbUp journal once. Returns the names
    /// of the scripts applied (empty when the database was current).
    /// </summary>
    /// <exception cref="MigrationFailedException">A script failed; it was rolled back and not journaled.</exception>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync([], cancellationToken);

    /// <summary>As <see cref="MigrateAsync(CancellationToken)"/>, with further scripts run after the shipped ones.</summary>
    internal async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<SqlScript> moreScripts, CancellationToken cancellationToken)
    {
        await CarryOverLegacyJournalAsync(cancellationToken);
        var engine = Builder(moreScripts).LogTo(logger).Build();
        var result = await Task.Run(engine.PerformUpgrade, cancellationToken);
        if (!result.Successful)
        {
            throw new MigrationFailedException(result.ErrorScript?.Name ?? "(unknown script)", result.Error);
        }

        return result.Scripts.Select(s => s.Name).ToList();
    }

    /// <summary>
    /// The names of the shipped scripts this database has not applied yet (neither in DbUp's journal nor in a pre-DbUp
    /// journal still to be copied). Writes nothing, so <c>/healthz</c> may ask it at any time.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var legacy = await LegacyJournaledAsync(cancellationToken);
        var engine = Builder([]).LogToNowhere().Build();
        var pending = await Task.Run(engine.GetScriptsToExecute, cancellationToken);
        return pending.Select(s => s.Name).Where(n => !legacy.Contains(n)).ToList();
    }

    private async Task CarryOverLegacyJournalAsync(CancellationToken cancellationToken)
    {
        var legacy = await LegacyJournaledAsync(cancellationToken);
        if (legacy.Count == 0)
        {
            return;
        }

        // Marks only what DbUp's journal lacks, one transaction each: a run cut short is finished by the next one.
        var scripts = ShippedScripts().Where(s => legacy.Contains(s.Name)).ToList();
        var engine = Engine().WithScripts(scripts).LogToNowhere().Build();
        var result = await Task.Run(engine.MarkAsExecuted, cancellationToken);
        if (!result.Successful)
        {
            throw new MigrationFailedException(LegacyJournalTable, result.Error);
        }

        if (result.Scripts.Any())
        {
            LogCarriedOver(result.Scripts.Count(), LegacyJournalTable, JournalTable);
        }
    }

    /// <summary>The script names the pre-DbUp journal holds, or none when the database never had it.</summary>
    private async Task<HashSet<string>> LegacyJournaledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            factory.Dialect.CountTablesNamed, new { Name = LegacyJournalTable }, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(long Number, string Name)>(new CommandDefinition(
            $"SELECT Number, Name FROM {LegacyJournalTable};", cancellationToken: cancellationToken));
        var prefix = ResourcePrefix + factory.Dialect.MigrationFolder + "/";
        return rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{prefix}{r.Number:0000}_{r.Name}.sql")).ToHashSet();
    }

    private UpgradeEngineBuilder Builder(IReadOnlyList<SqlScript> moreScripts)
    {
        var builder = Engine().WithScripts(EmbeddedScripts(factory.Dialect.MigrationFolder));
        return moreScripts.Count == 0 ? builder : builder.WithScripts(moreScripts);
    }

    private UpgradeEngineBuilder Engine() =>
        (factory.Provider == DatabaseProvider.SqlServer
            ? DeployChanges.To.SqlDatabase(factory.ConnectionString)
            : DeployChanges.To.SqliteDatabase(factory.ConnectionString))
        .WithTransactionPerScript()
        .WithVariablesDisabled() // scripts are plain SQL: a "$" (a JSON path) is never a DbUp variable
        .WithExecutionTimeout(ScriptTimeout);

    private static EmbeddedScriptProvider EmbeddedScripts(string folder)
    {
        var prefix = ResourcePrefix + folder + "/";
        return new EmbeddedScriptProvider(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied {Count} migrations from the {Legacy} journal into {Journal}; none was run again")]
    private partial void LogCarriedOver(int count, string legacy, string journal);
}
