using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Agencies;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Seed;

/// <summary>
/// Seeds what every installation needs: the five agencies, the nation's provinces, regencies/cities and kecamatan
/// (idn-area-data 4.0.1, ODbL), the Pilkada Serentak 2024 election with its real stage dates, and the checklist
/// templates. Idempotent: a second run inserts nothing.
/// </summary>
public sealed partial class ReferenceSeeder(ConnectionFactory factory, ILogger<ReferenceSeeder> logger)
{
    public const string Pilkada2024Code = "PILKADA-2024";
    public static readonly DateOnly Pilkada2024VotingDay = new(2024, 11, 27);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var dialect = factory.Dialect;

        await connection.ExecuteAsync(new CommandDefinition(
            dialect.InsertIfMissing("Agencies", ["Code"], ["Code", "Name", "SortOrder"]),
            Agency.All.Select(a => new { a.Code, a.Name, a.SortOrder }), transaction, cancellationToken: cancellationToken));

        var regions = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM Regions;", transaction: transaction, cancellationToken: cancellationToken));
        if (regions == 0)
        {
            await SeedRegionsAsync(connection, transaction, cancellationToken);
        }

        await SeedElectionAsync(connection, transaction, dialect, Pilkada2024Code, "Pilkada Serentak 2024",
            Pilkada2024VotingDay, isDemo: false, cancellationToken);

        var templates = SeedCsv.Read<TemplateRow>("templates.csv").Select(t => new
        {
            t.Code,
            AgencyCode = t.Agency,
            StageCode = t.Stage,
            Level = t.Level switch
            {
                "kecamatan" => (int)RegionLevel.District,
                "provinsi" => (int)RegionLevel.Province,
                _ => (int)RegionLevel.Regency,
            },
            t.Criticality,
            t.DueOffsetDays,
            t.Title,
            Unit = string.IsNullOrWhiteSpace(t.Unit) ? null : t.Unit.Trim(),
            t.Target,
            AllowOver = t.AllowOver?.Trim() == "1",
            Recurrence = string.IsNullOrWhiteSpace(t.Recurrence) ? null : t.Recurrence.Trim(),
            TargetFrom = string.IsNullOrWhiteSpace(t.TargetFrom) ? null : t.TargetFrom.Trim(),
            TargetPer = t.TargetPer ?? 1,
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            dialect.InsertIfMissing("TemplateItems", ["Code"],
                ["Code", "AgencyCode", "StageCode", "Level", "Criticality", "DueOffsetDays", "Title", "Unit", "Target", "AllowOver", "Recurrence",
                 "TargetFrom", "TargetPer"]),
            templates, transaction, cancellationToken: cancellationToken));
        // The seed file is the templates' only source (no screen edits them), so a template corrected there (a title,
        // a due date, an item split in two, a target that follows a figure) is corrected in a database seeded before.
        // Items already created from it keep their own title, date and number: a liaison may have worked on them.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE TemplateItems
            SET AgencyCode = @AgencyCode, StageCode = @StageCode, Level = @Level, Criticality = @Criticality,
                DueOffsetDays = @DueOffsetDays, Title = @Title, Unit = @Unit, Target = @Target, AllowOver = @AllowOver,
                Recurrence = @Recurrence, TargetFrom = @TargetFrom, TargetPer = @TargetPer
            WHERE Code = @Code
              AND NOT (AgencyCode = @AgencyCode AND StageCode = @StageCode AND Level = @Level AND Criticality = @Criticality
                       AND DueOffsetDays = @DueOffsetDays AND Title = @Title AND AllowOver = @AllowOver
                       AND COALESCE(Unit, '') = COALESCE(@Unit, '') AND COALESCE(Target, 0) = COALESCE(@Target, 0)
                       AND COALESCE(Recurrence, '') = COALESCE(@Recurrence, '')
                       AND COALESCE(TargetFrom, '') = COALESCE(@TargetFrom, '') AND TargetPer = @TargetPer);
            """, templates, transaction, cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Creates an election whose stages keep the 2024 stages' offsets from voting day; does nothing when the code
    /// exists. Returns the election's id.
    /// </summary>
    internal static async Task<int> SeedElectionAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string code, string name, DateOnly votingDay, bool isDemo, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            dialect.InsertIfMissing("Elections", ["Code"], ["Code", "Name", "VotingDay", "IsDemo"]),
            new { Code = code, Name = name, VotingDay = votingDay, IsDemo = isDemo }, transaction,
            cancellationToken: cancellationToken));
        var electionId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT Id FROM Elections WHERE Code = @code;", new { code }, transaction, cancellationToken: cancellationToken));

        var shift = votingDay.DayNumber - Pilkada2024VotingDay.DayNumber;
        var stages = SeedCsv.Read<StageRow>("stages.csv").Select(s => new
        {
            ElectionId = electionId,
            s.Code,
            s.Name,
            SortOrder = s.Sort,
            StartDate = s.Start.AddDays(shift),
            EndDate = s.End.AddDays(shift),
        });
        await connection.ExecuteAsync(new CommandDefinition(
            dialect.InsertIfMissing("Stages", ["ElectionId", "Code"], ["ElectionId", "Code", "Name", "SortOrder", "StartDate", "EndDate"]),
            stages, transaction, cancellationToken: cancellationToken));
        return electionId;
    }

    private async Task SeedRegionsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var provinces = SeedCsv.Read<ProvinceRow>("idn-area-data/provinces.csv");
        var regencies = SeedCsv.Read<RegencyRow>("idn-area-data/regencies.csv");
        var districts = SeedCsv.Read<DistrictRow>("idn-area-data/districts.csv");

        var zoneOf = provinces.ToDictionary(p => p.Code, p => RegionTimeZone.ForProvince(p.Code).Id);
        var rows = provinces.Select(p => new { p.Code, ParentCode = (string?)null, Level = 1, p.Name, TimeZone = zoneOf[p.Code] })
            .Concat(regencies.Select(r => new { r.Code, ParentCode = (string?)r.ProvinceCode, Level = 2, r.Name, TimeZone = zoneOf[r.ProvinceCode] }))
            .Concat(districts.Select(d => new { d.Code, ParentCode = (string?)d.RegencyCode, Level = 3, d.Name, TimeZone = zoneOf[d.RegencyCode[..2]] }));

        const string sql = "INSERT INTO Regions (Code, ParentCode, Level, Name, TimeZone) VALUES (@Code, @ParentCode, @Level, @Name, @TimeZone);";
        var count = await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
        LogRegions(count, provinces.Count, regencies.Count, districts.Count);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Seeded {Count} regions: {Provinces} provinces, {Regencies} regencies/cities, {Districts} kecamatan (idn-area-data 4.0.1, ODbL)")]
    private partial void LogRegions(int count, int provinces, int regencies, int districts);
}
