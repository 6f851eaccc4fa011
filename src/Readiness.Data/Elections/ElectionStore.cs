using Dapper;
using Readiness.Data.Sql;

namespace Readiness.Data.Elections;

public sealed class ElectionStore(ConnectionFactory factory)
{
    public async Task<IReadOnlyList<Election>> AllAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT Id, Code, Name, VotingDay, IsDemo FROM Elections ORDER BY VotingDay;";
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Election>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The election a dashboard reads as of <paramref name="today"/>: the next one to vote (or one still counting,
    /// within 30 days after voting day); failing that, the most recent one.
    /// </summary>
    public async Task<Election?> CurrentAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var elections = await AllAsync(cancellationToken);
        return elections.Where(e => e.VotingDay.AddDays(30) >= today).MinBy(e => e.VotingDay)
            ?? elections.MaxBy(e => e.VotingDay);
    }

    public async Task<IReadOnlyList<Stage>> StagesAsync(int electionId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT Id, ElectionId, Code, Name, SortOrder, StartDate, EndDate
            FROM Stages WHERE ElectionId = @electionId ORDER BY SortOrder;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Stage>(new CommandDefinition(sql, new { electionId }, cancellationToken: cancellationToken))).AsList();
    }
}
