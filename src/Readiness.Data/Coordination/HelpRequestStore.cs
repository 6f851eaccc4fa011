using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Coordination;

/// <summary>
/// Requests for help between agencies. Asking creates an item of the asked agency in the same region (Origin
/// <see cref="CoordinationOrigin.Request"/>, SourceId the request) and links both items; each answer changes that
/// item and touches the asking item (its version and an event marked RequestAnswered, its status, note and last
/// change left its own agency's) so every screen holding either reloads, all in one transaction with a coordination
/// event. A request is versioned: an answer on a stale version is refused.
/// An answer tells the asking agency's liaison officers in scope through the inbox, e-mail and push (rule
/// <see cref="AnsweredRule"/>), in the same transaction.
/// </summary>
public sealed class HelpRequestStore(ConnectionFactory factory, TimeProvider time, FeedSignal feed, NoticeWriter notices,
    NotificationSignal notified, ILogger<HelpRequestStore> logger)
{
    /// <summary>The escalation rule (<see cref="EscalationKinds.Permintaan"/>) by which an answer reaches the asking liaison officers.</summary>
    public const string AnsweredRule = "permintaan-dijawab";

    /// <summary>The longest text of a request or a reason.</summary>
    public const int MaxText = 200;

    internal const string RequestSelect = $"""
        SELECT h.Id AS {nameof(HelpRequest.Id)}, h.ElectionId AS {nameof(HelpRequest.ElectionId)}, h.RegionCode AS {nameof(HelpRequest.RegionCode)},
               r.Name AS {nameof(HelpRequest.RegionName)}, r.TimeZone AS {nameof(HelpRequest.TimeZone)},
               h.FromItemId AS {nameof(HelpRequest.FromItemId)}, h.FromAgencyCode AS {nameof(HelpRequest.FromAgencyCode)},
               h.ToAgencyCode AS {nameof(HelpRequest.ToAgencyCode)}, h.ToItemId AS {nameof(HelpRequest.ToItemId)}, h.What AS {nameof(HelpRequest.What)},
               h.Quantity AS {nameof(HelpRequest.Quantity)}, h.Unit AS {nameof(HelpRequest.Unit)}, h.State AS {nameof(HelpRequest.State)},
               h.Reason AS {nameof(HelpRequest.Reason)}, h.AskedBy AS {nameof(HelpRequest.AskedBy)}, h.AskedAtUtc AS {nameof(HelpRequest.AskedAtUtc)},
               h.AnsweredBy AS {nameof(HelpRequest.AnsweredBy)}, h.AnsweredAtUtc AS {nameof(HelpRequest.AnsweredAtUtc)},
               h.Version AS {nameof(HelpRequest.Version)}, t.Status AS {nameof(HelpRequest.ToItemStatus)}
        FROM HelpRequests h
        JOIN Regions r ON r.Code = h.RegionCode
        LEFT JOIN ChecklistItems t ON t.Id = h.ToItemId
        """;

    /// <summary>Still waited for: open or accepted, and the asked item not Siap.</summary>
    internal const string PendingSql =
        $"h.State IN ('{HelpRequestState.Open}', '{HelpRequestState.Accepted}') AND (t.Status IS NULL OR t.Status <> '{ItemStatus.Ready}')";

    /// <summary>
    /// The asking item's liaison asks another agency for help. The asked agency gets an item in the same region and
    /// stage, due when the asking item is, counting the quantity where one is given. A replayed
    /// <paramref name="operationId"/> returns the request it made.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not the asking item's agency's liaison in scope.</exception>
    /// <exception cref="InputException">Keys of <see cref="CoordinationInput"/>; the item is missing (RegionInvalid).</exception>
    public async Task<HelpRequest> AskAsync(Actor actor, NewHelpRequest request, Guid operationId, CancellationToken cancellationToken = default)
    {
        var what = CoordinationWrites.Text(request.What, MaxText, required: true, InputException.TitleInvalid)!;
        var unit = CoordinationWrites.Text(request.Unit, 32, required: false, CoordinationInput.QuantityInvalid);
        if ((request.Quantity is null) != (unit is null) || request.Quantity is < 1 or > ItemNumbers.MaxValue)
        {
            throw new InputException(CoordinationInput.QuantityInvalid);
        }

        if (Agency.Find(request.ToAgencyCode) is null)
        {
            throw new InputException(CoordinationInput.AgencyInvalid);
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await CoordinationWrites.AppliedAsync(connection, transaction, operationId, cancellationToken) is { } applied)
        {
            return (await FindAsync(connection, transaction, applied, cancellationToken))!;
        }

        var from = await connection.QuerySingleOrDefaultAsync<ChecklistItem>(new CommandDefinition(
            $"SELECT {ItemSql.Select("i")} FROM ChecklistItems i WHERE i.Id = @askingId;", new { askingId = request.FromItemId }, transaction,
            cancellationToken: cancellationToken)) ?? throw new InputException(InputException.RegionInvalid, "");
        actor.RequireChangeItem(from.RegionCode, from.AgencyCode, logger, "ask for help from item " + from.Id);
        if (from.Status != ItemStatus.Blocked)
        {
            throw new InputException(CoordinationInput.RequestNeedsBlocked);
        }

        if (request.ToAgencyCode == from.AgencyCode)
        {
            throw new InputException(CoordinationInput.RequestSameAgency);
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO HelpRequests (ElectionId, RegionCode, FromItemId, FromAgencyCode, ToAgencyCode, ToItemId, What, Quantity, Unit, State,
                                      AskedBy, AskedAtUtc, Version)
            VALUES (@ElectionId, @RegionCode, @FromItemId, @FromAgencyCode, @ToAgencyCode, NULL, @what, @Quantity, @unit, 'terbuka', @actor, @now, 1);
            {factory.Dialect.SelectInsertedId}
            """, new
        {
            from.ElectionId, from.RegionCode, FromItemId = from.Id, FromAgencyCode = from.AgencyCode, request.ToAgencyCode, what,
            request.Quantity, unit, actor = actor.Name, now,
        }, transaction, cancellationToken: cancellationToken));
        var title = $"{Agency.Find(from.AgencyCode)?.ShortName ?? from.AgencyCode} minta: {what}";
        var asked = await CoordinationWrites.InsertItemAsync(connection, transaction, factory.Dialect,
            new ItemDraft(from.ElectionId, from.RegionCode, request.ToAgencyCode, from.StageId,
                title.Length > ChecklistStore.MaxTitleLength ? title[..ChecklistStore.MaxTitleLength] : title,
                from.Criticality, from.DueDate, unit, request.Quantity),
            CoordinationOrigin.Request, id, actor.Name, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE HelpRequests SET ToItemId = @itemId WHERE Id = @id;",
            new { itemId = asked.Id, id }, transaction, cancellationToken: cancellationToken));
        await CoordinationWrites.SetItemAsync(connection, transaction, from.Id, from.Status, null, false, actor.Name, now, cancellationToken);
        await CoordinationWrites.AppendEventAsync(connection, transaction, CoordinationEventKind.Asked, id, from.RegionCode, request.ToAgencyCode,
            HelpRequestState.Open, actor.Name, now, operationId, cancellationToken);
        await AppendActivityAsync(connection, transaction, from.RegionCode, id, actor, now, operationId, cancellationToken);
        var made = (await FindAsync(connection, transaction, id, cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        return made;
    }

    /// <summary>The asked agency will do it: an open request becomes accepted; its item moves to Dalam proses if not started.</summary>
    /// <exception cref="AccessDeniedException">Not the asked agency's liaison in scope.</exception>
    /// <exception cref="InputException"><see cref="CoordinationInput.RequestClosed"/>, <see cref="CoordinationInput.RequestChanged"/>.</exception>
    public Task<HelpRequest> AcceptAsync(Actor actor, long requestId, int expectedVersion, Guid operationId, CancellationToken cancellationToken = default) =>
        AnswerAsync(actor, requestId, expectedVersion, HelpRequestState.Accepted, null, operationId, cancellationToken);

    /// <summary>The asked agency cannot: an open or accepted request is declined with a reason, which becomes its item's note.</summary>
    /// <exception cref="AccessDeniedException">Not the asked agency's liaison in scope.</exception>
    /// <exception cref="InputException"><see cref="CoordinationInput.ReasonRequired"/>, RequestClosed, RequestChanged.</exception>
    public Task<HelpRequest> DeclineAsync(Actor actor, long requestId, int expectedVersion, string reason, Guid operationId,
        CancellationToken cancellationToken = default)
    {
        var text = CoordinationWrites.Text(reason, MaxText, required: true, CoordinationInput.ReasonRequired);
        return AnswerAsync(actor, requestId, expectedVersion, HelpRequestState.Declined, text, operationId, cancellationToken);
    }

    /// <summary>Delivered: an open or accepted request is fulfilled; its item becomes Siap with its number complete.</summary>
    /// <exception cref="AccessDeniedException">Not the asked agency's liaison in scope.</exception>
    /// <exception cref="InputException">RequestClosed, RequestChanged.</exception>
    public Task<HelpRequest> DeliverAsync(Actor actor, long requestId, int expectedVersion, Guid operationId, CancellationToken cancellationToken = default) =>
        AnswerAsync(actor, requestId, expectedVersion, HelpRequestState.Delivered, null, operationId, cancellationToken);

    private async Task<HelpRequest> AnswerAsync(Actor actor, long requestId, int expectedVersion, string state, string? reason, Guid operationId,
        CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await CoordinationWrites.AppliedAsync(connection, transaction, operationId, cancellationToken) is { } applied)
        {
            return (await FindAsync(connection, transaction, applied, cancellationToken))!;
        }

        var before = await FindAsync(connection, transaction, requestId, cancellationToken)
            ?? throw new InputException(CoordinationInput.RequestClosed);
        actor.RequireChangeItem(before.RegionCode, before.ToAgencyCode, logger, "answer help request " + requestId);
        var allowed = state == HelpRequestState.Accepted
            ? before.EffectiveState == HelpRequestState.Open
            : HelpRequestState.IsPending(before.EffectiveState);
        if (!allowed)
        {
            throw new InputException(CoordinationInput.RequestClosed);
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE HelpRequests SET State = @state, Reason = @reason, AnsweredBy = @actor, AnsweredAtUtc = @now, Version = Version + 1
            WHERE Id = @requestId AND Version = @expectedVersion;
            """, new { state, reason, actor = actor.Name, now, requestId, expectedVersion }, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InputException(CoordinationInput.RequestChanged);
        }

        if (before.ToItemId is { } askedItem)
        {
            var item = await CoordinationWrites.FindItemAsync(connection, transaction, askedItem, cancellationToken);
            var status = state switch
            {
                HelpRequestState.Delivered => ItemStatus.Ready,
                HelpRequestState.Accepted when item?.Status == ItemStatus.NotStarted => ItemStatus.InProgress,
                _ => item?.Status ?? ItemStatus.NotStarted,
            };
            await CoordinationWrites.SetItemAsync(connection, transaction, askedItem, status, reason, state == HelpRequestState.Delivered,
                actor.Name, now, cancellationToken);
        }

        // The asking item's card says "Menunggu ..." from the request; an event on it carries the answer to every screen
        // holding it. The answering agency changed nothing of that item, so it keeps its own agency's last change and
        // no list of latest changes names the answering liaison on it.
        await CoordinationWrites.TouchAnsweredAsync(connection, transaction, before.FromItemId, actor.Name, now, cancellationToken);

        await CoordinationWrites.AppendEventAsync(connection, transaction, CoordinationEventKind.Answered, requestId, before.RegionCode,
            before.ToAgencyCode, state, actor.Name, now, operationId, cancellationToken);
        await AppendActivityAsync(connection, transaction, before.RegionCode, requestId, actor, now, operationId, cancellationToken);
        var told = await notices.NotifyAsync(connection, transaction, new DomainNotice
        {
            Kind = EscalationKinds.Permintaan,
            RuleCode = AnsweredRule,
            RegionCode = before.RegionCode,
            AgencyCode = before.FromAgencyCode,
            Subject = AnsweredSubject(before, state),
            Link = $"butir/{before.FromItemId}",
            DedupKey = $"permintaan-dijawab:{requestId}:{state}",
        }, cancellationToken);
        var after = (await FindAsync(connection, transaction, requestId, cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        if (told > 0)
        {
            notified.Nudge();
        }

        return after;
    }

    /// <summary>
    /// The inbox line of an answer, e.g. "TNI menerima permintaan bantuan KPU di Kutai Kartanegara: 2 perahu karet":
    /// agencies, region, state and the asked number only; a free-text request or a reason stays on the item.
    /// </summary>
    private static string AnsweredSubject(HelpRequest request, string state)
    {
        var verb = state switch
        {
            HelpRequestState.Accepted => "menerima",
            HelpRequestState.Declined => "menolak",
            _ => "memenuhi",
        };
        var asked = request.Quantity is { } quantity && request.Unit is { } unit ? $": {quantity} {unit}" : "";
        return $"{request.ToAgencyName} {verb} permintaan bantuan {request.FromAgencyName} di {request.RegionName}{asked}";
    }

    /// <summary>One request, if the actor sees its region; null when there is none.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<HelpRequest?> FindAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var request = await FindAsync(connection, null, id, cancellationToken);
        if (request is null)
        {
            return null;
        }

        actor.RequireSee(request.RegionCode, logger, "view help request " + id);
        return Shown(actor, request);
    }

    /// <summary>What coordination hangs on one item (its origin and the requests from it), if the actor sees its region.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<ItemCoordination> ForItemAsync(Actor actor, long itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var origin = await connection.QuerySingleOrDefaultAsync<(string RegionCode, string? Origin, long? SourceId)>(new CommandDefinition(
            "SELECT RegionCode, Origin, SourceId FROM ChecklistItems WHERE Id = @itemId;", new { itemId }, cancellationToken: cancellationToken));
        if (origin.RegionCode is null)
        {
            return ItemCoordination.None;
        }

        actor.RequireSee(origin.RegionCode, logger, "view the coordination of item " + itemId);
        var requests = (await connection.QueryAsync<HelpRequest>(new CommandDefinition(
            $"{RequestSelect} WHERE h.FromItemId = @itemId OR h.ToItemId = @itemId ORDER BY h.Id DESC;", new { itemId },
            cancellationToken: cancellationToken))).Select(r => Shown(actor, r)).ToList();
        Visit? visit = null;
        if (origin.Origin == CoordinationOrigin.Instruction && origin.SourceId is { } visitId)
        {
            visit = await connection.QuerySingleOrDefaultAsync<Visit>(new CommandDefinition("""
                SELECT v.Id, v.ElectionId, v.RegionCode, r.Name AS RegionName, r.TimeZone, v.Kind, v.HeldOn, v.Place, v.RecordedAtUtc
                FROM CoordinationVisits v JOIN Regions r ON r.Code = v.RegionCode WHERE v.Id = @visitId;
                """, new { visitId }, cancellationToken: cancellationToken));
        }

        return new ItemCoordination
        {
            Origin = origin.Origin,
            Visit = visit,
            Incoming = requests.FirstOrDefault(r => r.ToItemId == itemId),
            Outgoing = requests.Where(r => r.FromItemId == itemId).ToList(),
        };
    }

    /// <summary>Requests still waited for in a region and under it, oldest first (at most 200).</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<HelpRequest>> PendingUnderAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "list help requests");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HelpRequest>(new CommandDefinition($"""
            {RequestSelect}
            WHERE h.ElectionId = @electionId AND {PendingSql} AND (h.RegionCode >= @regionCode AND h.RegionCode < @to)
            ORDER BY h.AskedAtUtc, h.Id
            {factory.Dialect.Top(200)};
            """, new { electionId, regionCode, to = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken));
        return rows.Select(r => Shown(actor, r)).ToList();
    }

    /// <summary>Requests still waited for, per pair of agencies (asking, asked), in a region and under it.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<RequestPair>> PendingPairsAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "count help requests");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RequestPair>(new CommandDefinition($"""
            SELECT h.FromAgencyCode AS {nameof(RequestPair.FromAgencyCode)}, h.ToAgencyCode AS {nameof(RequestPair.ToAgencyCode)},
                   COUNT(*) AS {nameof(RequestPair.OpenCount)}
            FROM HelpRequests h LEFT JOIN ChecklistItems t ON t.Id = h.ToItemId
            WHERE h.ElectionId = @electionId AND {PendingSql} AND (h.RegionCode >= @regionCode AND h.RegionCode < @to)
            GROUP BY h.FromAgencyCode, h.ToAgencyCode
            ORDER BY h.FromAgencyCode, h.ToAgencyCode;
            """, new { electionId, regionCode, to = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The region's panels (open requests per pair of agencies) reload on this.</summary>
    private static Task AppendActivityAsync(DbConnection connection, DbTransaction transaction, string regionCode, long requestId, Actor actor,
        DateTime now, Guid operationId, CancellationToken cancellationToken) =>
        ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = regionCode, Kind = ActivityKinds.Koordinasi, SubjectId = requestId, Actor = actor.Name, AtUtc = now, OperationId = operationId,
        }, cancellationToken);

    private static async Task<HelpRequest?> FindAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<HelpRequest>(new CommandDefinition($"{RequestSelect} WHERE h.Id = @id;", new { id }, transaction,
            cancellationToken: cancellationToken));

    private static HelpRequest Shown(Actor actor, HelpRequest request) =>
        actor.CanSeeNames(request.RegionCode) ? request : request with { AskedBy = "", AnsweredBy = null };
}
