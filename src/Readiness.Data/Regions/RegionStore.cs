using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Regions;

public sealed class RegionStore(ConnectionFactory factory, TimeProvider time, ILogger<RegionStore> logger)
{
    private const string Columns = "Code, ParentCode, Level, Name, TimeZone, RiskLevel";

    public async Task<Region?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(code))
        {
            return null;
        }

        const string sql = $"SELECT {Columns} FROM Regions WHERE Code = @code;";
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Region>(new CommandDefinition(sql, new { code }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Region>> ChildrenAsync(string? parentCode, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT {Columns} FROM Regions
            WHERE (@parentCode IS NULL AND ParentCode IS NULL) OR ParentCode = @parentCode
            ORDER BY Code;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Region>(new CommandDefinition(sql, new { parentCode }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<Region>> FindManyAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var valid = codes.Where(RegionCode.IsValid).Distinct().ToArray();
        if (valid.Length == 0)
        {
            return [];
        }

        const string sql = $"SELECT {Columns} FROM Regions WHERE Code IN @valid ORDER BY Code;";
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Region>(new CommandDefinition(sql, new { valid }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The most regions <see cref="SearchAsync"/> returns: a list a person reads, not the nation.</summary>
    public const int MaxSearchResults = 20;

    /// <summary>
    /// Regions found by what a person types: a code prefix ("64.02") or words of the name ("kutai", "kukar" does not
    /// match: names are as Kemendagri writes them), provinces before regencies before kecamatan, then by name; at
    /// most <see cref="MaxSearchResults"/>. Blank or overlong text (over 100 characters) finds nothing.
    /// </summary>
    public async Task<IReadOnlyList<Region>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        var words = (text ?? "").Trim();
        if (words.Length is 0 or > 100)
        {
            return [];
        }

        // LIKE's wildcards typed by a person are matched as themselves.
        var escaped = words.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        var sql = $"""
            SELECT {Columns} FROM Regions
            WHERE Code LIKE @codePrefix ESCAPE '\' OR LOWER(Name) LIKE @name ESCAPE '\'
            ORDER BY Level, Name
            {factory.Dialect.Top(MaxSearchResults)};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Region>(new CommandDefinition(sql,
            new { codePrefix = escaped + "%", name = "%" + escaped.ToLowerInvariant() + "%" }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<IReadOnlyDictionary<RegionLevel, int>> CountByLevelAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT Level, COUNT(*) AS Count FROM Regions GROUP BY Level;";
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int Level, int Count)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (RegionLevel)r.Level, r => r.Count);
    }

    /// <summary>Sets a regency's risk level: admins anywhere, leaders in their scope; refused otherwise, and logged.</summary>
    public async Task SetRiskLevelAsync(Actor actor, string regionCode, string? riskLevel, CancellationToken cancellationToken = default)
    {
        if (riskLevel is not null && !Regions.RiskLevel.IsValid(riskLevel))
        {
            throw new InputException(InputException.RiskLevelInvalid);
        }

        if (!RegionCode.IsValid(regionCode) || RegionCode.LevelOf(regionCode) != RegionLevel.Regency)
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        actor.RequireSetRiskLevel(regionCode, logger);

        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Regions SET RiskLevel = @riskLevel, RiskUpdatedBy = @by, RiskUpdatedAtUtc = @now WHERE Code = @regionCode AND Level = 2;",
            new { riskLevel, by = actor.Name, now = time.GetUtcNow().UtcDateTime, regionCode }, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }
    }

    /// <summary>Every regency's risk level that is set, by code (a few hundred rows at most).</summary>
    public async Task<IReadOnlyDictionary<string, string>> RiskLevelsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string RiskLevel)>(new CommandDefinition(
            "SELECT Code, RiskLevel FROM Regions WHERE Level = 2 AND RiskLevel IS NOT NULL;", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Code, r => r.RiskLevel);
    }

    /// <summary>The chain from the province down to the region: for breadcrumbs.</summary>
    public async Task<IReadOnlyList<Region>> AncestryAsync(string regionCode, CancellationToken cancellationToken = default)
    {
        var codes = new List<string>();
        for (var i = 2; i <= regionCode.Length; i += 3)
        {
            codes.Add(regionCode[..i]);
        }

        return (await FindManyAsync(codes, cancellationToken)).OrderBy(r => r.Code.Length).ToList();
    }
}
