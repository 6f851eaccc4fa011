using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Coordination;

/// <summary>
/// Readiness declarations (pernyataan siap): appended, never changed; the newest per agency, regency and stage counts.
/// Whether one still holds is read from the item events: it is void once a Kendala status of that agency's item in
/// the regency or under it is set after it (a status that was not Kendala before).
/// </summary>
public sealed class DeclarationStore(ConnectionFactory factory, TimeProvider time, FeedSignal feed, ILogger<DeclarationStore> logger)
{
    private const string Select = $"""
        SELECT d.Id AS {nameof(Declaration.Id)}, d.RegionCode AS {nameof(Declaration.RegionCode)}, d.AgencyCode AS {nameof(Declaration.AgencyCode)},
               d.Moment AS {nameof(Declaration.Moment)}, d.HeadName AS {nameof(Declaration.HeadName)}, d.HeadPosition AS {nameof(Declaration.HeadPosition)},
               d.Exceptions AS {nameof(Declaration.Exceptions)}, d.RecordedBy AS {nameof(Declaration.RecordedBy)},
               d.RecordedAtUtc AS {nameof(Declaration.RecordedAtUtc)},
               (SELECT MIN(e.AtUtc) FROM ItemEvents e
                WHERE e.ElectionId = d.ElectionId AND e.AgencyCode = d.AgencyCode
                  AND (e.RegionCode >= d.RegionCode AND e.RegionCode < @to)
                  AND e.StatusAfter = '{ItemStatus.Blocked}' AND (e.StatusBefore IS NULL OR e.StatusBefore <> '{ItemStatus.Blocked}')
                  AND e.AtUtc > d.RecordedAtUtc) AS {nameof(Declaration.VoidedAtUtc)}
        FROM ReadinessDeclarations d
        WHERE d.ElectionId = @electionId AND d.RegionCode = @regencyCode AND d.Moment = @moment
          AND d.Id = (SELECT MAX(x.Id) FROM ReadinessDeclarations x
                      WHERE x.ElectionId = d.ElectionId AND x.RegionCode = d.RegionCode AND x.Moment = d.Moment AND x.AgencyCode = d.AgencyCode)
        """;

    /// <summary>
    /// Records the declaration of the liaison's own agency. A replayed <paramref name="operationId"/> writes nothing.
    /// Returns its id.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not that agency's liaison in scope.</exception>
    /// <exception cref="InputException"><see cref="CoordinationInput.DeclarationInvalid"/>, <see cref="CoordinationInput.HeadInvalid"/>.</exception>
    public async Task<long> DeclareAsync(Actor actor, NewDeclaration declaration, Guid operationId, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(declaration.RegencyCode) || RegionCode.LevelOf(declaration.RegencyCode) != RegionLevel.Regency
            || !DeclarationMoment.IsValid(declaration.Moment) || Agency.Find(declaration.AgencyCode) is null)
        {
            throw new InputException(CoordinationInput.DeclarationInvalid);
        }

        actor.RequireChangeItem(declaration.RegencyCode, declaration.AgencyCode, logger, "declare readiness");
        var head = CoordinationWrites.Text(declaration.HeadName, 100, required: true, CoordinationInput.HeadInvalid)!;
        var position = CoordinationWrites.Text(declaration.HeadPosition, 100, required: true, CoordinationInput.HeadInvalid)!;
        var exceptions = CoordinationWrites.Text(declaration.Exceptions, 1000, required: false, CoordinationInput.HeadInvalid);

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await CoordinationWrites.AppliedAsync(connection, transaction, operationId, cancellationToken) is { } applied)
        {
            return applied;
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO ReadinessDeclarations (ElectionId, RegionCode, AgencyCode, Moment, HeadName, HeadPosition, Exceptions, RecordedBy, RecordedAtUtc)
            VALUES (@ElectionId, @RegencyCode, @AgencyCode, @Moment, @head, @position, @exceptions, @actor, @now);
            {factory.Dialect.SelectInsertedId}
            """, new
        {
            declaration.ElectionId, declaration.RegencyCode, declaration.AgencyCode, declaration.Moment, head, position, exceptions,
            actor = actor.Name, now,
        }, transaction, cancellationToken: cancellationToken));
        await CoordinationWrites.AppendEventAsync(connection, transaction, CoordinationEventKind.Declared, id, declaration.RegencyCode,
            declaration.AgencyCode, declaration.Moment, actor.Name, now, operationId, cancellationToken);
        await ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = declaration.RegencyCode, Kind = ActivityKinds.Koordinasi, SubjectId = id, Actor = actor.Name, AtUtc = now, OperationId = operationId,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return id;
    }

    /// <summary>Each agency's newest declaration for a regency before <paramref name="moment"/>, with whether it holds.</summary>
    /// <exception cref="AccessDeniedException">The regency is outside the actor's scope.</exception>
    public async Task<DeclarationSummary> SummaryAsync(Actor actor, int electionId, string regencyCode, string moment,
        CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regencyCode, logger, "read readiness declarations");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Declaration>(new CommandDefinition($"{Select} ORDER BY d.RecordedAtUtc, d.Id;",
            new { electionId, regencyCode, moment, to = RegionCode.DescendantsTo(regencyCode) }, cancellationToken: cancellationToken));
        var names = actor.CanSeeNames(regencyCode);
        var list = rows
            .Select(d => names ? d : d with { HeadName = "", HeadPosition = "", Exceptions = null, RecordedBy = "" })
            .OrderBy(d => Agency.Find(d.AgencyCode)?.SortOrder ?? 99)
            .ToList();
        return new DeclarationSummary(regencyCode, moment, list, Agency.All.Count);
    }

    /// <summary>The stage whose declaration matters today in the regency's calendar (see <see cref="DeclarationMoment.Current"/>).</summary>
    public async Task<string> CurrentMomentAsync(int electionId, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var start = await connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(
            "SELECT StartDate FROM Stages WHERE ElectionId = @electionId AND Code = @code;",
            new { electionId, code = DeclarationMoment.QuietPeriod }, cancellationToken: cancellationToken));
        return DeclarationMoment.Current(today, start);
    }
}
