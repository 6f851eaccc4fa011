using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Situation;

/// <summary>
/// The incident log (kejadian): record, move the handling, mark significant, link checklist items; list, count and
/// export. Every change writes its event in the same transaction; nothing is deleted. Who may do what:
/// <see cref="SituationRights"/>.
/// </summary>
public sealed class IncidentStore(
    ConnectionFactory factory, RegionCalendar calendar, SituationNotices notices, TimeProvider time, ILogger<IncidentStore> logger)
{
    /// <summary>The longest village or TPS name, in characters.</summary>
    public const int MaxPlaceLength = 200;

    /// <summary>The longest description or note, in characters.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The most incidents one list returns.</summary>
    public const int MaxList = 5000;

    private const string Select = """
        SELECT i.Id, i.RegionCode, r.Name AS RegionName, r.TimeZone, i.StageId, i.Place, i.OccurredAtUtc, i.Kind, i.Severity,
               i.Description, i.ReportingAgency, i.HandlingAgencies, i.Status, i.ClosingNote, i.IsSignificant, i.SignificantBy,
               i.SignificantAtUtc, i.ReportedBy, i.ReportedAtUtc, i.UpdatedBy, i.UpdatedAtUtc, i.Version
        FROM Incidents i JOIN Regions r ON r.Code = i.RegionCode
        """;

    private const string InsertEvent = """
        INSERT INTO IncidentEvents (IncidentId, RegionCode, Change, StatusBefore, StatusAfter, Note, ItemId, Actor, AtUtc, IncidentVersion, OperationId)
        VALUES (@IncidentId, @RegionCode, @Change, @StatusBefore, @StatusAfter, @Note, @ItemId, @Actor, @AtUtc, @IncidentVersion, @OperationId);
        """;

    /// <summary>Records an incident. A replayed operation id returns the incident it recorded.</summary>
    /// <exception cref="InputException">RegionInvalid or one of <see cref="SituationInputKeys"/>.</exception>
    /// <exception cref="AccessDeniedException">Unless <see cref="SituationRights.CanRecordIncident"/>.</exception>
    public async Task<IncidentSaveResult> RecordAsync(Actor actor, NewIncident input, CancellationToken cancellationToken = default)
    {
        var place = (input.Place ?? "").Trim();
        if (place.Length is 0 or > MaxPlaceLength)
        {
            throw new InputException(SituationInputKeys.PlaceInvalid, MaxPlaceLength);
        }

        InputException.RequireTitleText(place);
        if (!IncidentKind.IsValid(input.Kind))
        {
            throw new InputException(SituationInputKeys.KindInvalid);
        }

        if (!IncidentSeverity.IsValid(input.Severity))
        {
            throw new InputException(SituationInputKeys.SeverityInvalid);
        }

        var description = Note(input.Description);
        var handling = Handling(input.HandlingAgencies);
        var region = await SituationStore.RegionAsync(factory, input.RegionCode, cancellationToken);
        if (region is null)
        {
            throw new InputException(InputException.RegionInvalid, input.RegionCode ?? "");
        }

        actor.RequireRecordIncident(region.Code, logger);
        var reporting = input.ReportingAgency ?? actor.AgencyCode;
        if (Agency.Find(reporting) is null)
        {
            throw new InputException(SituationInputKeys.AgencyInvalid);
        }

        var zone = region.Zone;
        var occurredUtc = DateTime.SpecifyKind(input.OccurredAtLocal.AddHours(-zone.UtcOffsetHours), DateTimeKind.Utc);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        if (occurredUtc > nowUtc.AddMinutes(5) || occurredUtc < nowUtc.AddDays(-366))
        {
            throw new InputException(SituationInputKeys.TimeInvalid);
        }

        var day = await calendar.DayAsync(region, cancellationToken);
        var occurredDate = DateOnly.FromDateTime(input.OccurredAtLocal);
        var stageId = day.Stages.Where(s => s.Contains(occurredDate)).MaxBy(s => s.StartDate)?.Id;
        var operationId = input.OperationId.ToString("D");

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await ReplayedAsync(connection, transaction, operationId, cancellationToken) is { } replayed)
        {
            return new IncidentSaveResult.AlreadyApplied(replayed);
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO Incidents (RegionCode, StageId, Place, OccurredAtUtc, Kind, Severity, Description, ReportingAgency,
                                   HandlingAgencies, Status, IsSignificant, ReportedBy, ReportedAtUtc, UpdatedBy, UpdatedAtUtc, Version)
            VALUES (@RegionCode, @stageId, @place, @occurredUtc, @Kind, @Severity, @description, @reporting,
                    @handling, 'dilaporkan', 0, @actor, @now, @actor, @now, 1);
            {factory.Dialect.SelectInsertedId}
            """, new { RegionCode = region.Code, stageId, place, occurredUtc, input.Kind, input.Severity, description, reporting, handling, actor = actor.Name, now },
            transaction, cancellationToken: cancellationToken));
        var incident = (await FindAsync(connection, transaction, id, cancellationToken))!;
        var seq = await AppendAsync(connection, transaction, incident, IncidentChange.Recorded, null, description, null, actor, now, operationId, cancellationToken);
        await notices.IncidentActivityAsync(connection, transaction, incident, input.OperationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Nudge(0);
        return new IncidentSaveResult.Saved(incident, seq);
    }

    /// <summary>Moves an incident's handling (and, when given, who handles it). Closing needs a note.</summary>
    /// <exception cref="InputException">One of <see cref="SituationInputKeys"/>.</exception>
    /// <exception cref="AccessDeniedException">Unless <see cref="SituationRights.CanRecordIncident"/> in the incident's region.</exception>
    public async Task<IncidentSaveResult> ChangeStatusAsync(Actor actor, IncidentStatusChange change, CancellationToken cancellationToken = default)
    {
        if (!IncidentStatus.IsValid(change.Status))
        {
            throw new InputException(SituationInputKeys.StatusInvalid);
        }

        var note = Note(change.Note);
        if (change.Status == IncidentStatus.Closed && note is null)
        {
            throw new InputException(SituationInputKeys.ClosingNoteRequired);
        }

        var handling = change.HandlingAgencies is null ? null : Handling(change.HandlingAgencies);
        var operationId = change.OperationId.ToString("D");
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await ReplayedAsync(connection, transaction, operationId, cancellationToken) is { } replayed)
        {
            return new IncidentSaveResult.AlreadyApplied(replayed);
        }

        var before = await FindAsync(connection, transaction, change.IncidentId, cancellationToken);
        if (before is null)
        {
            return new IncidentSaveResult.NotFound();
        }

        actor.RequireRecordIncident(before.RegionCode, logger);
        if (before.Version != change.ExpectedVersion)
        {
            return new IncidentSaveResult.Conflict(before);
        }

        var closing = change.Status == IncidentStatus.Closed ? note : before.ClosingNote;
        var written = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Incidents
            SET Status = @Status, ClosingNote = @closing, HandlingAgencies = @handling, UpdatedBy = @actor, UpdatedAtUtc = @now,
                Version = Version + 1
            WHERE Id = @IncidentId AND Version = @ExpectedVersion;
            """, new { change.Status, closing, handling = handling ?? before.HandlingAgencies, actor = actor.Name, now, change.IncidentId, change.ExpectedVersion },
            transaction, cancellationToken: cancellationToken));
        if (written == 0)
        {
            return new IncidentSaveResult.Conflict(before);
        }

        var after = (await FindAsync(connection, transaction, change.IncidentId, cancellationToken))!;
        var seq = await AppendAsync(connection, transaction, after, IncidentChange.StatusMoved, before.Status, note, null, actor, now, operationId, cancellationToken);
        await notices.IncidentActivityAsync(connection, transaction, after, change.OperationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Nudge(0);
        return new IncidentSaveResult.Saved(after, seq);
    }

    /// <summary>
    /// Marks an incident significant (penting): it then tops the wall's ticker and reaches the leaders in scope, once
    /// per incident (a second mark changes nothing and notifies nobody).
    /// </summary>
    /// <exception cref="AccessDeniedException">Unless <see cref="SituationRights.CanMarkSignificant"/> in the incident's region.</exception>
    public async Task<IncidentSaveResult> MarkSignificantAsync(Actor actor, long incidentId, int expectedVersion, Guid operationId, CancellationToken cancellationToken = default)
    {
        var operation = operationId.ToString("D");
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await ReplayedAsync(connection, transaction, operation, cancellationToken) is { } replayed)
        {
            return new IncidentSaveResult.AlreadyApplied(replayed);
        }

        var before = await FindAsync(connection, transaction, incidentId, cancellationToken);
        if (before is null)
        {
            return new IncidentSaveResult.NotFound();
        }

        actor.RequireMarkSignificant(before.RegionCode, logger);
        if (before.IsSignificant)
        {
            return new IncidentSaveResult.AlreadyApplied(before);
        }

        if (before.Version != expectedVersion)
        {
            return new IncidentSaveResult.Conflict(before);
        }

        var written = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Incidents
            SET IsSignificant = 1, SignificantBy = @actor, SignificantAtUtc = @now, UpdatedBy = @actor, UpdatedAtUtc = @now,
                Version = Version + 1
            WHERE Id = @incidentId AND Version = @expectedVersion AND IsSignificant = 0;
            """, new { actor = actor.Name, now, incidentId, expectedVersion }, transaction, cancellationToken: cancellationToken));
        if (written == 0)
        {
            return new IncidentSaveResult.Conflict(before);
        }

        var after = (await FindAsync(connection, transaction, incidentId, cancellationToken))!;
        var seq = await AppendAsync(connection, transaction, after, IncidentChange.MarkedSignificant, before.Status, null, null, actor, now, operation, cancellationToken);
        var region = await SituationStore.RegionAsync(factory, after.RegionCode, cancellationToken);
        var notified = await notices.IncidentSignificantAsync(connection, transaction, region!, after, cancellationToken);
        await notices.IncidentActivityAsync(connection, transaction, after, operationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Nudge(notified);
        return new IncidentSaveResult.Saved(after, seq);
    }

    /// <summary>
    /// Links a checklist item the incident hurts. The item must lie on the incident's line of regions (the incident's
    /// region, one above it, or one below it). Linking twice changes nothing. An incident's version is not asked: a
    /// link adds, it never overwrites.
    /// </summary>
    /// <exception cref="InputException"><see cref="SituationInputKeys.ItemInvalid"/>.</exception>
    /// <exception cref="AccessDeniedException">Unless <see cref="SituationRights.CanRecordIncident"/> in the incident's region.</exception>
    public async Task<IncidentSaveResult> LinkItemAsync(Actor actor, long incidentId, long itemId, Guid operationId, CancellationToken cancellationToken = default)
    {
        var operation = operationId.ToString("D");
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await ReplayedAsync(connection, transaction, operation, cancellationToken) is { } replayed)
        {
            return new IncidentSaveResult.AlreadyApplied(replayed);
        }

        var incident = await FindAsync(connection, transaction, incidentId, cancellationToken);
        if (incident is null)
        {
            return new IncidentSaveResult.NotFound();
        }

        actor.RequireRecordIncident(incident.RegionCode, logger);
        var itemRegion = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT RegionCode FROM ChecklistItems WHERE Id = @itemId;", new { itemId }, transaction, cancellationToken: cancellationToken));
        if (itemRegion is null || !(RegionCode.IsWithin(itemRegion, incident.RegionCode) || RegionCode.IsWithin(incident.RegionCode, itemRegion)))
        {
            throw new InputException(SituationInputKeys.ItemInvalid);
        }

        var linked = await connection.ExecuteAsync(new CommandDefinition(
            factory.Dialect.InsertIfMissing("IncidentItems", ["IncidentId", "ItemId"], ["IncidentId", "ItemId", "LinkedBy", "LinkedAtUtc"]),
            new { IncidentId = incidentId, ItemId = itemId, LinkedBy = actor.Name, LinkedAtUtc = now }, transaction, cancellationToken: cancellationToken));
        if (linked == 0)
        {
            return new IncidentSaveResult.AlreadyApplied(incident);
        }

        var seq = await AppendAsync(connection, transaction, incident, IncidentChange.Linked, incident.Status, null, itemId, actor, now, operation, cancellationToken);
        await notices.IncidentActivityAsync(connection, transaction, incident, operationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Nudge(0);
        return new IncidentSaveResult.Saved(incident, seq);
    }

    /// <summary>One incident; null when there is none.</summary>
    /// <exception cref="AccessDeniedException">The incident's region is outside the actor's scope.</exception>
    public async Task<Incident?> FindAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var incident = await FindAsync(connection, null, id, cancellationToken);
        if (incident is not null)
        {
            actor.RequireSeeSituation(incident.RegionCode, logger);
        }

        return incident;
    }

    /// <summary>An incident's history, oldest first.</summary>
    /// <exception cref="AccessDeniedException">The incident's region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<IncidentChange>> HistoryAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var incident = await FindAsync(connection, null, id, cancellationToken);
        if (incident is null)
        {
            return [];
        }

        actor.RequireSeeSituation(incident.RegionCode, logger);
        var rows = await connection.QueryAsync<IncidentChange>(new CommandDefinition("""
            SELECT Seq, IncidentId, Change, StatusBefore, StatusAfter, Note, ItemId, Actor, AtUtc
            FROM IncidentEvents WHERE IncidentId = @id ORDER BY Seq;
            """, new { id }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The checklist items an incident hurts.</summary>
    /// <exception cref="AccessDeniedException">The incident's region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<IncidentItemLink>> ItemsOfAsync(Actor actor, long incidentId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(actor, incidentId, cancellationToken) is null)
        {
            return [];
        }

        return await LinksAsync("l.IncidentId = @id", incidentId, cancellationToken);
    }

    /// <summary>The incidents that hurt a checklist item, the ones the actor sees.</summary>
    public async Task<IReadOnlyList<IncidentItemLink>> IncidentsOfItemAsync(Actor actor, long itemId, CancellationToken cancellationToken = default)
    {
        var links = await LinksAsync("l.ItemId = @id", itemId, cancellationToken);
        return links.Where(l => actor.CanSee(l.ItemRegionCode)).ToList();
    }

    /// <summary>
    /// The checklist items an incident may be linked to: those of the current election on its line of regions (its
    /// region and the ones above it), by agency and title; at most 500.
    /// </summary>
    /// <exception cref="AccessDeniedException">The incident's region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<IncidentItemLink>> LinkCandidatesAsync(Actor actor, long incidentId, CancellationToken cancellationToken = default)
    {
        var incident = await FindAsync(actor, incidentId, cancellationToken);
        if (incident is null)
        {
            return [];
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        // The election the incident happened in; outside any stage, the one a dashboard reads today.
        var electionId = incident.StageId is { } stageId
            ? await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT ElectionId FROM Stages WHERE Id = @stageId;", new { stageId },
                cancellationToken: cancellationToken))
            : (await calendar.DayAsync(await SituationStore.RegionAsync(factory, incident.RegionCode, cancellationToken), cancellationToken)).Election?.Id;
        if (electionId is null)
        {
            return [];
        }

        var line = Enumerable.Range(1, incident.RegionCode.Split('.').Length).Select(n => string.Join('.', incident.RegionCode.Split('.').Take(n))).ToArray();
        var sql = $"""
            SELECT c.Id AS ItemId, c.Title AS ItemTitle, c.AgencyCode, c.Status AS ItemStatus, c.RegionCode AS ItemRegionCode
            FROM ChecklistItems c
            WHERE c.ElectionId = @electionId AND c.RegionCode IN @line
            ORDER BY c.AgencyCode, c.RegionCode, c.Title
            {factory.Dialect.Top(500)};
            """;
        var rows = await connection.QueryAsync<(long ItemId, string ItemTitle, string AgencyCode, string ItemStatus, string ItemRegionCode)>(
            new CommandDefinition(sql, new { electionId, line }, cancellationToken: cancellationToken));
        return rows.Select(r => new IncidentItemLink
        {
            IncidentId = incident.Id, ItemId = r.ItemId, ItemTitle = r.ItemTitle, AgencyCode = r.AgencyCode, ItemStatus = r.ItemStatus,
            ItemRegionCode = r.ItemRegionCode, IncidentKind = incident.Kind, IncidentSeverity = incident.Severity,
            IncidentStatus = incident.Status, IsSignificant = incident.IsSignificant, OccurredAtUtc = incident.OccurredAtUtc,
        }).ToList();
    }

    /// <summary>
    /// Incidents under a region (the region and everything below; <c>""</c> the nation, for admins), open significant
    /// ones first, then newest first; at most <paramref name="take"/> (up to <see cref="MaxList"/>).
    /// </summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="regionCode">The region.</param>
    /// <param name="openOnly">Only incidents not closed.</param>
    /// <param name="sinceUtc">Only incidents that happened at or after this time (UTC); null for all.</param>
    /// <param name="take">How many at most.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<Incident>> ListAsync(
        Actor actor, string regionCode, bool openOnly = false, DateTime? sinceUtc = null, int take = 200, CancellationToken cancellationToken = default)
    {
        actor.RequireSeeSituation(regionCode, logger);
        var (from, to) = SituationStore.Range(regionCode);
        var sql = $"""
            {Select}
            WHERE i.RegionCode >= @from AND i.RegionCode < @to
              AND (@openOnly = 0 OR i.Status <> 'selesai')
              AND (@sinceUtc IS NULL OR i.OccurredAtUtc >= @sinceUtc)
            ORDER BY CASE WHEN i.IsSignificant = 1 AND i.Status <> 'selesai' THEN 0 ELSE 1 END, i.OccurredAtUtc DESC, i.Id DESC
            {factory.Dialect.Top(Math.Clamp(take, 1, MaxList))};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Incident>(new CommandDefinition(sql,
            new { from, to, openOnly = openOnly ? 1 : 0, sinceUtc }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The open significant incidents under a region marked less than <see cref="Incident.HeadlineFor"/> ago: the
    /// top of the wall's ticker, newest mark first.
    /// </summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<Incident>> HeadlinesAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSeeSituation(regionCode, logger);
        var (from, to) = SituationStore.Range(regionCode);
        var since = time.GetUtcNow().UtcDateTime - Incident.HeadlineFor;
        var sql = $"""
            {Select}
            WHERE i.RegionCode >= @from AND i.RegionCode < @to
              AND i.IsSignificant = 1 AND i.Status <> 'selesai' AND i.SignificantAtUtc > @since
            ORDER BY i.SignificantAtUtc DESC
            {factory.Dialect.Top(20)};
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Incident>(new CommandDefinition(sql, new { from, to, since }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Incidents under a region counted in SQL (one GROUP BY): total, open, open significant, last 7 days, by kind and
    /// by severity; <paramref name="stageId"/> narrows to one stage.
    /// </summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IncidentCounts> CountsAsync(Actor actor, string regionCode, int? stageId = null, CancellationToken cancellationToken = default)
    {
        actor.RequireSeeSituation(regionCode, logger);
        var (from, to) = SituationStore.Range(regionCode);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-7);
        const string sql = """
            SELECT i.Kind, i.Severity,
                   CASE WHEN i.Status = 'selesai' THEN 0 ELSE 1 END AS IsOpen,
                   CASE WHEN i.IsSignificant = 1 AND i.Status <> 'selesai' THEN 1 ELSE 0 END AS IsOpenSignificant,
                   CASE WHEN i.OccurredAtUtc >= @since THEN 1 ELSE 0 END AS IsRecent,
                   COUNT(*) AS Count
            FROM Incidents i
            WHERE i.RegionCode >= @from AND i.RegionCode < @to AND (@stageId IS NULL OR i.StageId = @stageId)
            GROUP BY i.Kind, i.Severity,
                     CASE WHEN i.Status = 'selesai' THEN 0 ELSE 1 END,
                     CASE WHEN i.IsSignificant = 1 AND i.Status <> 'selesai' THEN 1 ELSE 0 END,
                     CASE WHEN i.OccurredAtUtc >= @since THEN 1 ELSE 0 END;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Kind, string Severity, int IsOpen, int IsOpenSignificant, int IsRecent, int Count)>(
            new CommandDefinition(sql, new { from, to, since, stageId }, cancellationToken: cancellationToken))).AsList();
        return new IncidentCounts
        {
            Total = rows.Sum(r => r.Count),
            Open = rows.Where(r => r.IsOpen == 1).Sum(r => r.Count),
            OpenSignificant = rows.Where(r => r.IsOpenSignificant == 1).Sum(r => r.Count),
            LastSevenDays = rows.Where(r => r.IsRecent == 1).Sum(r => r.Count),
            ByKind = rows.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            BySeverity = rows.GroupBy(r => r.Severity).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
        };
    }

    private async Task<IReadOnlyList<IncidentItemLink>> LinksAsync(string where, long id, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT l.IncidentId, l.ItemId, c.Title AS ItemTitle, c.AgencyCode, c.Status AS ItemStatus, c.RegionCode AS ItemRegionCode,
                   i.Kind AS IncidentKind, i.Severity AS IncidentSeverity, i.Status AS IncidentStatus, i.IsSignificant, i.OccurredAtUtc
            FROM IncidentItems l
            JOIN Incidents i ON i.Id = l.IncidentId
            JOIN ChecklistItems c ON c.Id = l.ItemId
            WHERE {where}
            ORDER BY i.OccurredAtUtc DESC, c.Id;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentItemLink>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static string? Note(string? text)
    {
        var note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw new InputException(SituationInputKeys.NoteTooLong, MaxNoteLength);
        }

        InputException.RequireTitleText(note);
        return note;
    }

    private static string Handling(IReadOnlyList<string>? agencies)
    {
        var codes = (agencies ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Any(c => Agency.Find(c) is null))
        {
            throw new InputException(SituationInputKeys.AgencyInvalid);
        }

        return string.Join(',', Agency.All.Where(a => codes.Contains(a.Code)).Select(a => a.Code));
    }

    private static async Task<Incident?> ReplayedAsync(DbConnection connection, DbTransaction transaction, string operationId, CancellationToken cancellationToken)
    {
        var incidentId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT IncidentId FROM IncidentEvents WHERE OperationId = @operationId;", new { operationId }, transaction,
            cancellationToken: cancellationToken));
        return incidentId is { } id ? await FindAsync(connection, transaction, id, cancellationToken) : null;
    }

    private async Task<long> AppendAsync(
        DbConnection connection, DbTransaction transaction, Incident incident, string change, string? statusBefore, string? note, long? itemId,
        Actor actor, DateTime now, string operationId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition($"{InsertEvent}\n{factory.Dialect.SelectInsertedId}", new
        {
            IncidentId = incident.Id,
            incident.RegionCode,
            Change = change,
            StatusBefore = statusBefore,
            StatusAfter = incident.Status,
            Note = note,
            ItemId = itemId,
            Actor = actor.Name,
            AtUtc = now,
            IncidentVersion = incident.Version,
            OperationId = operationId,
        }, transaction, cancellationToken: cancellationToken));

    private static async Task<Incident?> FindAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Incident>(new CommandDefinition($"{Select} WHERE i.Id = @id;", new { id }, transaction,
            cancellationToken: cancellationToken));
}
