using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>Rollups of item status, counted by the database over a region's code prefix.</summary>
public sealed class ReadinessStore(ConnectionFactory factory, ILogger<ReadinessStore> logger)
{
    /// <summary>
    /// The numbers on items of a region and everything under it, added up by the database (the board keeps the same
    /// sums in memory; this is the fresh count to check it against, and what a one-off read uses).
    /// </summary>
    public async Task<RegionNumbers> NumbersAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "read numbers");
        const string sql = """
            SELECT AgencyCode, TemplateItemId, Title, Unit, Done, Target
            FROM ChecklistItems
            WHERE ElectionId = @electionId AND Unit IS NOT NULL AND (RegionCode >= @regionCode AND RegionCode < @descendantsEnd);
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, int?, string, string, int?, int?)>(new CommandDefinition(sql,
            new { electionId, regionCode, descendantsEnd = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken));
        return RegionNumbers.Of(regionCode, rows);
    }

    /// <summary>Readiness of a region and everything under it, by agency, for one election.</summary>
    public async Task<RegionReadiness> ForRegionAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSee(regionCode, logger, "read readiness");

        const string sql = """
            SELECT AgencyCode, Status, COUNT(*) AS Count
            FROM ChecklistItems
            WHERE ElectionId = @electionId AND (RegionCode >= @regionCode AND RegionCode < @descendantsEnd)
            GROUP BY AgencyCode, Status;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string AgencyCode, string Status, int Count)>(new CommandDefinition(sql,
            new { electionId, regionCode, descendants = RegionCode.DescendantsFrom(regionCode), descendantsEnd = RegionCode.DescendantsTo(regionCode) },
            cancellationToken: cancellationToken));

        var byAgency = new Dictionary<string, ReadinessCounts>();
        var overall = ReadinessCounts.Empty;
        foreach (var (agency, status, count) in rows)
        {
            byAgency[agency] = byAgency.GetValueOrDefault(agency, ReadinessCounts.Empty).Add(status, count);
            overall = overall.Add(status, count);
        }

        return new RegionReadiness(regionCode, overall, byAgency);
    }

    /// <summary>The regencies/cities in the actor's view that have checklist items in an election, by code.</summary>
    public async Task<IReadOnlyList<string>> RegenciesWithItemsAsync(Actor actor, int electionId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT r.Code FROM Regions r
            WHERE r.Level = 2
              AND EXISTS (SELECT 1 FROM ChecklistItems i WHERE i.ElectionId = @electionId AND i.RegionCode = r.Code)
            ORDER BY r.Code;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var codes = await connection.QueryAsync<string>(new CommandDefinition(sql, new { electionId }, cancellationToken: cancellationToken));
        return codes.Where(actor.CanSee).ToList();
    }
}
