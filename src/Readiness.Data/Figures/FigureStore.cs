using System.Data.Common;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Figures;

/// <summary>
/// A region's figures per election: a kecamatan's TPS count (its KPU liaison's) and Polri's classes of its TPS (its
/// Polri liaison's), or a whole file of them loaded by an admin; a regency's are the sum of its kecamatan. Every change
/// is journaled (who, when, before -> after) and moves the targets that follow it (<see cref="FigureTargets"/>) in the
/// same transaction, so the feed carries them to every open screen.
/// </summary>
public sealed class FigureStore(ConnectionFactory factory, TimeProvider time, FeedSignal feed, ILogger<FigureStore> logger)
{
    /// <summary>The most rows one CSV file may hold (the nation has about 7,300 kecamatan).</summary>
    public const int MaxCsvRows = 10_000;

    /// <summary>The CSV's columns: the kecamatan's code, then each of <see cref="Figure.All"/>; an empty cell keeps the value.</summary>
    public const string CsvColumns = "kode, tps, kurang_rawan, rawan, sangat_rawan, khusus";

    private const string RowSql = """
        SELECT ElectionId, RegionCode, Tps, KurangRawan, Rawan, SangatRawan, Khusus, Version, UpdatedBy, UpdatedAtUtc
        FROM RegionFigures WHERE ElectionId = @electionId AND RegionCode = @regionCode;
        """;

    private const string InsertRow = """
        INSERT INTO RegionFigures (ElectionId, RegionCode, Tps, KurangRawan, Rawan, SangatRawan, Khusus, UpdatedBy, UpdatedAtUtc, Version)
        VALUES (@ElectionId, @RegionCode, @Tps, @KurangRawan, @Rawan, @SangatRawan, @Khusus, @UpdatedBy, @UpdatedAtUtc, 1);
        """;

    private const string UpdateRow = """
        UPDATE RegionFigures
        SET Tps = @Tps, KurangRawan = @KurangRawan, Rawan = @Rawan, SangatRawan = @SangatRawan, Khusus = @Khusus,
            UpdatedBy = @UpdatedBy, UpdatedAtUtc = @UpdatedAtUtc, Version = Version + 1
        WHERE ElectionId = @ElectionId AND RegionCode = @RegionCode AND Version = @Version;
        """;

    // A save writes one history row per figure it changed, all under its operation id: any of them says it was applied.
    private const string OperationSql = "SELECT Seq FROM RegionFigureEvents WHERE OperationId = @op;";

    private const string InsertEvent = """
        INSERT INTO RegionFigureEvents (ElectionId, RegionCode, Figure, ValueBefore, ValueAfter, Actor, AtUtc, OperationId)
        VALUES (@ElectionId, @RegionCode, @Figure, @ValueBefore, @ValueAfter, @Actor, @AtUtc, @OperationId);
        """;

    /// <summary>
    /// A region's figures: a kecamatan's own, or the sum of the kecamatan under a regency or province, for anyone who
    /// may see the region (screens and viewers too: they read, they do not change).
    /// </summary>
    /// <exception cref="InputException">The code is not a region code.</exception>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope (logged).</exception>
    public async Task<RegionFigures> ForRegionAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "read the figures");
        await using var connection = await factory.OpenAsync(cancellationToken);
        if (RegionCode.LevelOf(regionCode) == RegionLevel.District)
        {
            return await RowAsync(connection, null, electionId, regionCode, cancellationToken) ?? Empty(electionId, regionCode);
        }

        var sum = await connection.QuerySingleAsync<RegionFigures>(new CommandDefinition(FigureTargets.SumSql,
            new { electionId, from = RegionCode.DescendantsFrom(regionCode), to = RegionCode.DescendantsTo(regionCode) },
            cancellationToken: cancellationToken));
        var kecamatan = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM Regions WHERE Level = 3 AND Code >= @from AND Code < @to;",
            new { from = RegionCode.DescendantsFrom(regionCode), to = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken));
        return sum with { ElectionId = electionId, RegionCode = regionCode, Version = 0, Of = kecamatan };
    }

    /// <summary>
    /// The changes of a kecamatan's figures, or of every kecamatan under a regency, newest first, at most
    /// <paramref name="take"/>, for anyone who may see the region.
    /// </summary>
    /// <exception cref="InputException">The code is not a region code.</exception>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope (logged).</exception>
    public async Task<IReadOnlyList<FigureEvent>> HistoryAsync(Actor actor, int electionId, string regionCode, int take = 20,
        CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "read the history of the figures");
        var sql = $"""
            SELECT e.Seq, e.RegionCode, r.Name AS RegionName, e.Figure, e.ValueBefore, e.ValueAfter, e.Actor, e.AtUtc
            FROM RegionFigureEvents e JOIN Regions r ON r.Code = e.RegionCode
            WHERE e.ElectionId = @electionId AND e.RegionCode >= @regionCode AND e.RegionCode < @to
            ORDER BY e.Seq DESC {factory.Dialect.Top(Math.Clamp(take, 1, 200))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<FigureEvent>(new CommandDefinition(sql,
            new { electionId, regionCode, to = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The KPU liaison sets a kecamatan's number of TPS, if nobody changed its figures since version
    /// <paramref name="expectedVersion"/> (0: none set yet); the targets that follow it move in the same transaction.
    /// </summary>
    /// <exception cref="InputException">Not a kecamatan, or the number is out of bounds; nothing is written.</exception>
    /// <exception cref="AccessDeniedException">Not the KPU liaison of this kecamatan (logged).</exception>
    public Task<FigureSaveResult> SetTpsAsync(Actor actor, int electionId, string regionCode, int tps, int expectedVersion, Guid operationId,
        CancellationToken cancellationToken = default) =>
        SetAsync(actor, electionId, regionCode, new Dictionary<string, int> { [Figure.Tps] = tps }, expectedVersion, operationId, cancellationToken);

    /// <summary>
    /// The Polri liaison sets Polri's classes of a kecamatan's TPS, if nobody changed its figures since
    /// <paramref name="expectedVersion"/>; the targets that follow them move in the same transaction.
    /// </summary>
    /// <exception cref="InputException">Not a kecamatan, or a count is out of bounds; nothing is written.</exception>
    /// <exception cref="AccessDeniedException">Not the Polri liaison of this kecamatan (logged).</exception>
    public Task<FigureSaveResult> SetClassesAsync(Actor actor, int electionId, string regionCode, TpsClasses classes, int expectedVersion,
        Guid operationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return SetAsync(actor, electionId, regionCode, new Dictionary<string, int>
        {
            [Figure.KurangRawan] = classes.KurangRawan,
            [Figure.Rawan] = classes.Rawan,
            [Figure.SangatRawan] = classes.SangatRawan,
            [Figure.Khusus] = classes.Khusus,
        }, expectedVersion, operationId, cancellationToken);
    }

    /// <summary>
    /// An admin loads figures from a CSV file (<see cref="CsvColumns"/>; comma or semicolon, as Excel writes it with
    /// Indonesian settings): every row is checked first, and a bad one is refused with its line number before anything
    /// is written; then all rows are written in one transaction, with their history and the targets that follow.
    /// Returns how many kecamatan changed.
    /// </summary>
    /// <exception cref="InputException">A bad file or row (with its line); nothing is written.</exception>
    /// <exception cref="AccessDeniedException">Not an admin (logged).</exception>
    public async Task<int> LoadCsvAsync(Actor actor, int electionId, Stream csv, CancellationToken cancellationToken = default)
    {
        actor.RequireAdminister(logger, "load figures from a CSV");
        var rows = ReadCsv(csv);
        await using var connection = await factory.OpenAsync(cancellationToken);
        // Every kecamatan's code, not a list of the file's: SQL Server takes at most 2,100 parameters and a national
        // file has some 7,300 rows.
        var known = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT Code FROM Regions WHERE Level = 3;", cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !known.Contains(r.Code)))
        {
            throw new InputException(InputException.FiguresCsvRegion, row.Line, row.Code);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime; // inside the write transaction, as for an item
        var existing = (await connection.QueryAsync<RegionFigures>(new CommandDefinition(
                "SELECT ElectionId, RegionCode, Tps, KurangRawan, Rawan, SangatRawan, Khusus, Version, UpdatedBy, UpdatedAtUtc FROM RegionFigures WHERE ElectionId = @electionId;",
                new { electionId }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(f => f.RegionCode, StringComparer.Ordinal);
        var changed = 0;
        foreach (var row in rows)
        {
            var before = existing.GetValueOrDefault(row.Code);
            var written = await WriteAsync(connection, transaction, electionId, row.Code, before, row.Values, actor.Name, now, Guid.NewGuid(),
                cancellationToken);
            if (written is null)
            {
                // A liaison saved this kecamatan since the read (SQL Server lets a read and a write meet): the whole
                // file waits for a second try rather than leaving this row out.
                throw new InputException(InputException.FiguresCsvChanged, row.Line, row.Code);
            }

            changed += written.Value.Changed ? 1 : 0;
        }

        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return changed;
    }

    /// <summary>Figures the system sets itself (the demo), journaled under <paramref name="actor"/>, in one transaction.</summary>
    internal async Task SeedAsync(int electionId, IReadOnlyList<(string Code, Dictionary<string, int> Values)> rows, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (code, values) in rows)
        {
            var before = await RowAsync(connection, transaction, electionId, code, cancellationToken);
            await WriteAsync(connection, transaction, electionId, code, before, values, actor, now, Guid.NewGuid(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
    }

    private async Task<FigureSaveResult> SetAsync(Actor actor, int electionId, string regionCode, Dictionary<string, int> values,
        int expectedVersion, Guid operationId, CancellationToken cancellationToken)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        if (RegionCode.LevelOf(regionCode) != RegionLevel.District)
        {
            throw new InputException(InputException.FigureNotDistrict, regionCode);
        }

        foreach (var figure in values.Keys)
        {
            actor.RequireSetFigure(regionCode, figure, logger);
        }

        if (values.Values.Any(v => v is < 0 or > Figure.MaxValue))
        {
            throw new InputException(InputException.FigureInvalid, Figure.MaxValue);
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var op = operationId.ToString("D");
        var before = await RowAsync(connection, transaction, electionId, regionCode, cancellationToken);
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(OperationSql, new { op }, transaction,
                cancellationToken: cancellationToken)) is not null)
        {
            return new FigureSaveResult.AlreadyApplied(before ?? Empty(electionId, regionCode));
        }

        if ((before?.Version ?? 0) != expectedVersion)
        {
            return new FigureSaveResult.Conflict(before ?? Empty(electionId, regionCode));
        }

        (RegionFigures After, bool Changed, int Targets)? written;
        try
        {
            written = await WriteAsync(connection, transaction, electionId, regionCode, before, values, actor.Name, now, operationId, cancellationToken);
        }
        catch (Exception ex) when (factory.Dialect.IsUniqueViolation(ex))
        {
            // The KPU and Polri liaisons both made the kecamatan's first row at once, or the same save arrived twice at
            // once (a phone's queue sending again while the first answer was lost): the other one is there now.
            await transaction.RollbackAsync(cancellationToken);
            await using var again = await factory.OpenAsync(cancellationToken);
            return await LostRaceAsync(again, null, electionId, regionCode, op, cancellationToken);
        }

        if (written is null)
        {
            return await LostRaceAsync(connection, transaction, electionId, regionCode, op, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (written.Value.Changed)
        {
            feed.Nudge();
        }

        return new FigureSaveResult.Saved(written.Value.After, written.Value.Targets);
    }

    /// <summary>
    /// Writes a kecamatan's new values (only the figures named; the others keep theirs), one history row per figure that
    /// changed, a region activity row, and the targets that follow. Null when another save won the version race.
    /// </summary>
    private static async Task<(RegionFigures After, bool Changed, int Targets)?> WriteAsync(DbConnection connection, DbTransaction transaction,
        int electionId, string regionCode, RegionFigures? before, IReadOnlyDictionary<string, int> values, string actor, DateTime now,
        Guid operationId, CancellationToken cancellationToken)
    {
        var current = before ?? Empty(electionId, regionCode);
        var changes = values.Where(v => current.Get(v.Key) != v.Value).ToList();
        if (changes.Count == 0)
        {
            return (current, false, 0);
        }

        int? Value(string figure) => values.TryGetValue(figure, out var v) ? v : current.Get(figure);
        var after = current with
        {
            Tps = Value(Figure.Tps),
            KurangRawan = Value(Figure.KurangRawan),
            Rawan = Value(Figure.Rawan),
            SangatRawan = Value(Figure.SangatRawan),
            Khusus = Value(Figure.Khusus),
            UpdatedBy = actor,
            UpdatedAtUtc = now,
            Version = current.Version + 1,
            Counted = Value(Figure.Tps) is null ? 0 : 1,
            Of = 1,
        };
        var rows = await connection.ExecuteAsync(new CommandDefinition(before is null ? InsertRow : UpdateRow,
            new { after.ElectionId, after.RegionCode, after.Tps, after.KurangRawan, after.Rawan, after.SangatRawan, after.Khusus, after.UpdatedBy,
                  after.UpdatedAtUtc, current.Version },
            transaction, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return null;
        }

        var op = operationId.ToString("D");
        await connection.ExecuteAsync(new CommandDefinition(InsertEvent, changes.Select(c => new
        {
            ElectionId = electionId, RegionCode = regionCode, Figure = c.Key, ValueBefore = current.Get(c.Key), ValueAfter = (int?)c.Value,
            Actor = actor, AtUtc = now, OperationId = op,
        }), transaction, cancellationToken: cancellationToken));
        await ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = regionCode, Kind = ActivityKinds.Angka, Actor = actor, AtUtc = now, OperationId = operationId,
        }, cancellationToken);
        var targets = await FigureTargets.FollowAsync(connection, transaction, electionId, regionCode[..5], regionCode, actor, now, journal: true,
            cancellationToken);
        return (after, true, targets);
    }

    /// <summary>
    /// What a save that lost the version race answers. On SQL Server two sends of one operation id can both pass the
    /// replay check before either commits; the one that waited then finds the winner's history rows under its own id:
    /// that is the same save, already applied, not someone else's change.
    /// </summary>
    private static async Task<FigureSaveResult> LostRaceAsync(DbConnection connection, DbTransaction? transaction, int electionId, string regionCode,
        string op, CancellationToken cancellationToken)
    {
        var current = await RowAsync(connection, transaction, electionId, regionCode, cancellationToken) ?? Empty(electionId, regionCode);
        var applied = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(OperationSql, new { op }, transaction,
            cancellationToken: cancellationToken));
        return applied is null ? new FigureSaveResult.Conflict(current) : new FigureSaveResult.AlreadyApplied(current);
    }

    private static async Task<RegionFigures?> RowAsync(DbConnection connection, DbTransaction? transaction, int electionId, string regionCode,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RegionFigures>(new CommandDefinition(RowSql, new { electionId, regionCode }, transaction,
            cancellationToken: cancellationToken));
        return row is null ? null : row with { Counted = row.Tps is null ? 0 : 1, Of = 1 };
    }

    private static RegionFigures Empty(int electionId, string regionCode) => new() { ElectionId = electionId, RegionCode = regionCode, Of = 1 };

    /// <summary>Reads and checks every row of a figures CSV; refuses the first bad one with its line number.</summary>
    private static List<CsvRow> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
            MissingFieldFound = null,
        });
        var rows = new List<CsvRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
                || !new[] { "kode" }.Concat(Figure.All).All(c => header.Any(h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase))))
            {
                throw new InputException(InputException.FiguresCsvHeader, CsvColumns);
            }

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var code = (csv.GetField("kode") ?? "").Trim();
                if (code.Length == 0 && Figure.All.All(f => string.IsNullOrWhiteSpace(csv.GetField(f))))
                {
                    continue; // a blank line, as spreadsheets leave at the end
                }

                if (rows.Count >= MaxCsvRows)
                {
                    throw new InputException(InputException.FiguresCsvSize, MaxCsvRows);
                }

                if (!RegionCode.IsValid(code) || RegionCode.LevelOf(code) != RegionLevel.District)
                {
                    throw new InputException(InputException.FiguresCsvRegion, line, Refusal.ForLog(code));
                }

                if (seen.TryGetValue(code, out var first))
                {
                    throw new InputException(InputException.FiguresCsvDuplicate, line, code, first);
                }

                seen[code] = line;
                var values = new Dictionary<string, int>();
                foreach (var figure in Figure.All)
                {
                    var text = (csv.GetField(figure) ?? "").Trim();
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > Figure.MaxValue)
                    {
                        throw new InputException(InputException.FiguresCsvValue, line, figure, Refusal.ForLog(text), Figure.MaxValue);
                    }

                    values[figure] = value;
                }

                rows.Add(new CsvRow(line, code, values));
            }
        }
        catch (CsvHelperException ex)
        {
            throw new InputException(InputException.FiguresCsvUnreadable, ex.Context?.Parser?.RawRow ?? 0);
        }

        return rows.Count == 0 ? throw new InputException(InputException.FiguresCsvSize, MaxCsvRows) : rows;
    }

    private sealed record CsvRow(int Line, string Code, Dictionary<string, int> Values);
}
