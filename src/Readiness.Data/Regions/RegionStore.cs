using Dapper;
using Readiness.Data.Sql;

namespace Readiness.Data.Regions;

public sealed class RegionStore(ConnectionFactory factory)
{
    private const string Columns = "Code, ParentCode, Level, Name, TimeZone";

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

    public async Task<IReadOnlyDictionary<RegionLevel, int>> CountByLevelAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT Level, COUNT(*) AS Count FROM Regions GROUP BY Level;";
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int Level, int Count)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (RegionLevel)r.Level, r => r.Count);
    }
}
