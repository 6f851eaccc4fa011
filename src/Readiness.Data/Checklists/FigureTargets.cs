using System.Data.Common;
using Dapper;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>
/// Targets that follow a figure, written once: an item whose template says "per TPS" (<c>TargetFrom</c> tps, tps_rawan,
/// tps_sangat_rawan, times <c>TargetPer</c>) takes its kecamatan's figure, and a regency's item the sum over its
/// kecamatan. A changed target is an item change like any other: version up, one event in the same transaction, so
/// every open screen sees "38/45 TPS" become "38/47 TPS" through the feed. A figure of 0 gives a target of 0; a
/// target moved below the number done leaves that number as the liaison reported it, flagged as over its target
/// (<see cref="ItemNumbers.IsOverTarget"/>).
/// </summary>
internal static class FigureTargets
{
    /// <summary>Every kecamatan's figures under a region, added up (SUM ignores figures nobody set).</summary>
    internal const string SumSql = """
        SELECT SUM(Tps) AS Tps, SUM(KurangRawan) AS KurangRawan, SUM(Rawan) AS Rawan, SUM(SangatRawan) AS SangatRawan,
               SUM(Khusus) AS Khusus, COUNT(Tps) AS Counted
        FROM RegionFigures
        WHERE ElectionId = @electionId AND RegionCode >= @from AND RegionCode < @to;
        """;

    private static readonly string ItemsSql = $"""
        SELECT {ItemSql.Select("i")}, t.TargetFrom AS TargetFrom, t.TargetPer AS TargetPer
        FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
        WHERE i.ElectionId = @electionId AND t.TargetFrom IS NOT NULL
          AND (i.RegionCode = @regencyCode OR (i.RegionCode >= @from AND i.RegionCode < @to))
        """;

    // Items just created have no event yet: only they may take a target without one.
    private static readonly string CreatedItemsSql = $"""
        {ItemsSql}
          AND NOT EXISTS (SELECT 1 FROM ItemEvents e WHERE e.ItemId = i.Id);
        """;

    private const string KecamatanSql = """
        SELECT RegionCode, Tps, Rawan, SangatRawan
        FROM RegionFigures
        WHERE ElectionId = @electionId AND RegionCode >= @from AND RegionCode < @to;
        """;

    private const string UpdateItem = """
        UPDATE ChecklistItems SET Target = @Target, TargetFixed = 1, Version = Version + 1
        WHERE Id = @Id AND Version = @Version;
        """;

    private const string SetCreatedTarget = "UPDATE ChecklistItems SET Target = @Target, TargetFixed = 1 WHERE Id = @Id;";

    /// <summary>
    /// Sets the targets of the items that follow figures in <paramref name="regencyCode"/>'s own items and those of
    /// <paramref name="kecamatanCode"/> (every kecamatan of the regency when null), inside the caller's transaction.
    /// With <paramref name="journal"/> each changed item gets a new version and an event by <paramref name="actor"/>;
    /// without (items just created, whose creation event is written after) only the target is set. An item whose
    /// figure nobody set keeps its target. Returns how many items changed.
    /// </summary>
    public static async Task<int> FollowAsync(DbConnection connection, DbTransaction transaction, int electionId, string regencyCode,
        string? kecamatanCode, string actor, DateTime now, bool journal, CancellationToken cancellationToken)
    {
        var (from, to) = kecamatanCode is null
            ? (RegionCode.DescendantsFrom(regencyCode), RegionCode.DescendantsTo(regencyCode))
            : (kecamatanCode, RegionCode.DescendantsTo(kecamatanCode));
        var items = (await connection.QueryAsync<ChecklistItem, FollowRule, (ChecklistItem Item, FollowRule Rule)>(new CommandDefinition(
                journal ? ItemsSql + ";" : CreatedItemsSql, new { electionId, regencyCode, from, to }, transaction, cancellationToken: cancellationToken),
            (item, rule) => (ItemSql.Checked(item), rule), splitOn: nameof(FollowRule.TargetFrom))).AsList();
        if (items.Count == 0)
        {
            return 0;
        }

        var kecamatan = (await connection.QueryAsync<KecamatanFigures>(new CommandDefinition(KecamatanSql,
                new { electionId, from = RegionCode.DescendantsFrom(regencyCode), to = RegionCode.DescendantsTo(regencyCode) }, transaction,
                cancellationToken: cancellationToken)))
            .ToDictionary(k => k.RegionCode);
        var sum = await connection.QuerySingleAsync<KecamatanFigures>(new CommandDefinition(SumSql,
            new { electionId, from = RegionCode.DescendantsFrom(regencyCode), to = RegionCode.DescendantsTo(regencyCode) }, transaction,
            cancellationToken: cancellationToken));

        var changed = 0;
        foreach (var (item, rule) in items)
        {
            var figures = item.RegionCode == regencyCode ? sum : kecamatan.GetValueOrDefault(item.RegionCode);
            var value = rule.TargetFrom switch
            {
                "tps" => figures?.Tps,
                "tps_rawan" => figures?.Rawan,
                "tps_sangat_rawan" => figures?.SangatRawan,
                _ => null,
            };
            if (value is null)
            {
                continue; // nobody set the figure: the item keeps what it has
            }

            // No TPS of that class is a target of 0: nothing to cover, said as a number, not the old target left fixed
            // nor none at all. A target below what is done stays so, flagged (ItemNumbers.IsOverTarget).
            int? target = (int)Math.Min((long)value.Value * rule.TargetPer, ItemNumbers.MaxValue);
            if (item.Target == target && item.TargetFixed)
            {
                continue;
            }

            if (!journal)
            {
                await connection.ExecuteAsync(new CommandDefinition(SetCreatedTarget, new { Target = target, item.Id }, transaction,
                    cancellationToken: cancellationToken));
                changed++;
                continue;
            }

            var rows = await connection.ExecuteAsync(new CommandDefinition(UpdateItem, new { Target = target, item.Id, item.Version }, transaction,
                cancellationToken: cancellationToken));
            if (rows == 0)
            {
                continue; // changed under us in this same transaction's view: cannot happen inside the write lock
            }

            // The item's own "last updated by" stays the liaison's: the target moved, the work did not.
            await connection.ExecuteAsync(new CommandDefinition(ItemSql.InsertFigureEvent, new ItemEventRow(
                item.Id, item.ElectionId, item.RegionCode, item.AgencyCode, item.StageId, item.Status, item.Status, item.Note,
                actor, now, item.Version + 1, Guid.NewGuid().ToString("D"), item.Done, item.Done, target), transaction,
                cancellationToken: cancellationToken));
            changed++;
        }

        return changed;
    }

    private sealed class FollowRule
    {
        public string TargetFrom { get; set; } = "";

        public int TargetPer { get; set; } = 1;
    }

    internal sealed class KecamatanFigures
    {
        public string RegionCode { get; set; } = "";

        public int? Tps { get; set; }

        public int? Rawan { get; set; }

        public int? SangatRawan { get; set; }
    }
}
