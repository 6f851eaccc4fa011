using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Readiness.Data.Sql;

/// <summary>A numbered migration script, <c>NNNN_name.sql</c>.</summary>
public sealed record MigrationScript(int Number, string Name, string Sql)
{
    private static readonly Regex FileName = new(@"^(?<number>\d{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant);

    public static MigrationScript? TryParse(string fileName, string sql)
    {
        var match = FileName.Match(fileName);
        return match.Success
            ? new MigrationScript(int.Parse(match.Groups["number"].Value), match.Groups["name"].Value, sql)
            : null;
    }
}

/// <summary>
/// Applies forward-only migrations in order, each in its own transaction, and records each in <c>SchemaJournal</c>
/// in that same transaction: a script that fails leaves nothing behind and is not journaled.
/// </summary>
public sealed partial class MigrationRunner(ConnectionFactory factory, ILogger<MigrationRunner> logger)
{
    private const string ResourcePrefix = "migrations/";

    /// <summary>The scripts shipped in this assembly for the factory's dialect, in order.</summary>
    public IReadOnlyList<MigrationScript> ShippedScripts() => LoadShipped(factory.Dialect.MigrationFolder);

    public static IReadOnlyList<MigrationScript> LoadShipped(string folder)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = ResourcePrefix + folder + "/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => MigrationScript.TryParse(n[prefix.Length..], ReadResource(assembly, n))
                ?? throw new InvalidOperationException($"Migration {n} is not named NNNN_name.sql."))
            .OrderBy(s => s.Number)
            .ToList();
    }

    /// <summary>Applies the shipped scripts that are not yet journaled; returns the numbers applied.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(ShippedScripts(), cancellationToken);

    public async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (every open screen) go on while a liaison's save is written; it persists in the file.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await connection.ExecuteAsync(factory.Dialect.JournalTableDdl);
        var applied = (await connection.QueryAsync<int>("SELECT Number FROM SchemaJournal;")).ToHashSet();
        var done = new List<int>();
        foreach (var script in scripts.OrderBy(s => s.Number))
        {
            if (applied.Contains(script.Number))
            {
                continue;
            }

            await ApplyAsync(connection, script, cancellationToken);
            done.Add(script.Number);
            LogApplied(script.Number, script.Name);
        }

        return done;
    }

    /// <summary>The shipped migrations that this database has not applied yet.</summary>
    public async Task<IReadOnlyList<int>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(factory.Dialect.JournalTableDdl);
        var applied = (await connection.QueryAsync<int>("SELECT Number FROM SchemaJournal;")).ToHashSet();
        return ShippedScripts().Select(s => s.Number).Where(n => !applied.Contains(n)).ToList();
    }

    private static async Task ApplyAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var batch in SplitBatches(script.Sql))
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction,
                    commandTimeout: 600, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO SchemaJournal (Number, Name, AppliedAtUtc) VALUES (@Number, @Name, @AppliedAtUtc);",
                new { script.Number, script.Name, AppliedAtUtc = DateTime.UtcNow },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new MigrationFailedException(script, ex);
        }
    }

    /// <summary>Splits a script at lines that hold only <c>GO</c> (SQL Server batches); other scripts stay whole.</summary>
    internal static IEnumerable<string> SplitBatches(string sql) =>
        GoLine().Split(sql).Where(b => !string.IsNullOrWhiteSpace(b));

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoLine();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Number:0000} {Name}")]
    private partial void LogApplied(int number, string name);
}

public sealed class MigrationFailedException(MigrationScript script, Exception inner)
    : Exception($"Migration {script.Number:0000}_{script.Name} failed and was rolled back: {inner.Message}", inner)
{
    public MigrationScript Script { get; } = script;
}
