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
/// Visits and meetings and their instructions. An instruction is a checklist item of the agency it is for (Origin
/// <see cref="CoordinationOrigin.Instruction"/>, SourceId the visit), so it follows that agency's liaison's flow;
/// how far it is is that item's status.
/// </summary>
public sealed class VisitStore(ConnectionFactory factory, TimeProvider time, FeedSignal feed, NoticeWriter notices, NotificationSignal notified,
    ILogger<VisitStore> logger)
{
    /// <summary>The most instructions one visit records.</summary>
    public const int MaxInstructions = 30;

    private const string InstructionSelect = $"""
        SELECT i.Id AS {nameof(Instruction.ItemId)}, v.Id AS {nameof(Instruction.VisitId)}, i.AgencyCode AS {nameof(Instruction.AgencyCode)},
               i.RegionCode AS {nameof(Instruction.RegionCode)}, r.Name AS {nameof(Instruction.RegionName)}, i.Title AS {nameof(Instruction.Title)},
               i.DueDate AS {nameof(Instruction.DueDate)}, i.Status AS {nameof(Instruction.Status)}, i.Note AS {nameof(Instruction.Note)},
               v.HeldOn AS {nameof(Instruction.VisitHeldOn)}, v.Place AS {nameof(Instruction.VisitPlace)}
        FROM ChecklistItems i
        JOIN CoordinationVisits v ON v.Id = i.SourceId
        JOIN Regions r ON r.Code = i.RegionCode
        WHERE i.Origin = '{CoordinationOrigin.Instruction}'
        """;

    private const string VisitSelect = $"""
        SELECT v.Id AS {nameof(Visit.Id)}, v.ElectionId AS {nameof(Visit.ElectionId)}, v.RegionCode AS {nameof(Visit.RegionCode)},
               r.Name AS {nameof(Visit.RegionName)}, r.TimeZone AS {nameof(Visit.TimeZone)}, v.Kind AS {nameof(Visit.Kind)},
               v.HeldOn AS {nameof(Visit.HeldOn)}, v.Place AS {nameof(Visit.Place)}, v.Attendees AS {nameof(Visit.Attendees)},
               v.Minutes AS {nameof(Visit.Minutes)}, v.RecordedBy AS {nameof(Visit.RecordedBy)}, v.RecordedAtUtc AS {nameof(Visit.RecordedAtUtc)},
               (SELECT COUNT(*) FROM ChecklistItems i WHERE i.Origin = '{CoordinationOrigin.Instruction}' AND i.SourceId = v.Id) AS {nameof(Visit.InstructionCount)},
               (SELECT COUNT(*) FROM ChecklistItems i WHERE i.Origin = '{CoordinationOrigin.Instruction}' AND i.SourceId = v.Id AND i.Status = '{ItemStatus.Ready}') AS {nameof(Visit.ReadyCount)}
        FROM CoordinationVisits v
        JOIN Regions r ON r.Code = v.RegionCode
        """;

    /// <summary>
    /// Records a visit or meeting and creates one item per instruction, all in one transaction with their events.
    /// A replayed <paramref name="operationId"/> writes nothing and returns the visit it recorded. Returns the visit id.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not a leader, or the region is outside their scope.</exception>
    /// <exception cref="InputException">Keys of <see cref="CoordinationInput"/> and <see cref="InputException.RegionInvalid"/>.</exception>
    public async Task<long> RecordAsync(Actor actor, NewVisit visit, Guid operationId, CancellationToken cancellationToken = default)
    {
        if (!RegionCode.IsValid(visit.RegionCode) || RegionCode.LevelOf(visit.RegionCode) is not (RegionLevel.Regency or RegionLevel.District))
        {
            throw new InputException(InputException.RegionInvalid, visit.RegionCode);
        }

        actor.RequireRecordVisit(visit.RegionCode, logger);
        if (!VisitKind.IsValid(visit.Kind))
        {
            throw new InputException(CoordinationInput.InstructionsInvalid, MaxInstructions);
        }

        var place = CoordinationWrites.Text(visit.Place, 200, required: true, CoordinationInput.PlaceInvalid)!;
        var attendees = CoordinationWrites.Text(visit.Attendees, 1000, required: true, CoordinationInput.AttendeesInvalid)!;
        var minutes = CoordinationWrites.Text(visit.Minutes, 2000, required: false, CoordinationInput.MinutesInvalid);
        if (visit.Instructions.Count is 0 or > MaxInstructions)
        {
            throw new InputException(CoordinationInput.InstructionsInvalid, MaxInstructions);
        }

        var instructions = visit.Instructions.Select(i =>
        {
            if (Agency.Find(i.AgencyCode) is null)
            {
                throw new InputException(CoordinationInput.AgencyInvalid);
            }

            if (!RegionCode.IsValid(i.RegionCode) || !RegionCode.IsWithin(i.RegionCode, visit.RegionCode)
                || RegionCode.LevelOf(i.RegionCode) is not (RegionLevel.Regency or RegionLevel.District))
            {
                throw new InputException(CoordinationInput.InstructionRegionInvalid);
            }

            return i with { What = CoordinationWrites.Text(i.What, ChecklistStore.MaxTitleLength, required: true, InputException.TitleInvalid)! };
        }).ToList();

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (await CoordinationWrites.AppliedAsync(connection, transaction, operationId, cancellationToken) is { } applied)
        {
            return applied;
        }

        var stages = (await connection.QueryAsync<Elections.Stage>(new CommandDefinition("""
            SELECT Id, ElectionId, Code, Name, SortOrder, StartDate, EndDate FROM Stages WHERE ElectionId = @ElectionId ORDER BY EndDate, SortOrder;
            """, new { visit.ElectionId }, transaction, cancellationToken: cancellationToken))).AsList();
        var visitId = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO CoordinationVisits (ElectionId, RegionCode, Kind, HeldOn, Place, Attendees, Minutes, RecordedBy, RecordedAtUtc)
            VALUES (@ElectionId, @RegionCode, @Kind, @HeldOn, @place, @attendees, @minutes, @actor, @now);
            {factory.Dialect.SelectInsertedId}
            """, new { visit.ElectionId, visit.RegionCode, visit.Kind, visit.HeldOn, place, attendees, minutes, actor = actor.Name, now },
            transaction, cancellationToken: cancellationToken));
        foreach (var instruction in instructions)
        {
            // The item belongs to the stage the due date falls in, or the next one (preparation before a stage).
            var stage = stages.FirstOrDefault(s => s.EndDate >= instruction.DueBy)
                ?? throw new InputException(CoordinationInput.InstructionDueInvalid);
            await CoordinationWrites.InsertItemAsync(connection, transaction, factory.Dialect,
                new ItemDraft(visit.ElectionId, instruction.RegionCode, instruction.AgencyCode, stage.Id, instruction.What, Criticality.Important,
                    instruction.DueBy),
                CoordinationOrigin.Instruction, visitId, actor.Name, now, cancellationToken);
        }

        await CoordinationWrites.AppendEventAsync(connection, transaction, CoordinationEventKind.Visit, visitId, visit.RegionCode, null,
            $"{instructions.Count}", actor.Name, now, operationId, cancellationToken);
        await ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = visit.RegionCode, Kind = ActivityKinds.Koordinasi, SubjectId = visitId, Actor = actor.Name, AtUtc = now, OperationId = operationId,
        }, cancellationToken);
        var written = 0;
        foreach (var agency in instructions.GroupBy(i => i.AgencyCode))
        {
            // Counts and the agency only: the instruction's text stays in the app.
            written += await notices.NotifyAsync(connection, transaction, new DomainNotice
            {
                Kind = EscalationKinds.Arahan,
                RegionCode = visit.RegionCode,
                AgencyCode = agency.Key,
                Subject = $"{agency.Count()} arahan baru untuk {Agency.Find(agency.Key)!.ShortName}",
                Link = $"kunjungan/{visitId}",
                DedupKey = $"arahan:{visitId}:{agency.Key}",
            }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        feed.Nudge();
        if (written > 0)
        {
            notified.Nudge();
        }

        return visitId;
    }

    /// <summary>A visit with its instructions, if the actor sees its region; null when there is no such visit.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<VisitDetails?> FindAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var visit = await connection.QuerySingleOrDefaultAsync<Visit>(new CommandDefinition(
            $"{VisitSelect} WHERE v.Id = @id;", new { id }, cancellationToken: cancellationToken));
        if (visit is null)
        {
            return null;
        }

        actor.RequireSee(visit.RegionCode, logger, "view visit " + id);
        var instructions = await connection.QueryAsync<Instruction>(new CommandDefinition(
            $"{InstructionSelect} AND i.SourceId = @id ORDER BY i.AgencyCode, i.RegionCode, i.DueDate, i.Id;", new { id },
            cancellationToken: cancellationToken));
        return new VisitDetails(Shown(actor, visit), instructions.AsList());
    }

    /// <summary>The visits in a region and under it, newest first (at most 100).</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<Visit>> ListAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "list visits");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var visits = await connection.QueryAsync<Visit>(new CommandDefinition($"""
            {VisitSelect}
            WHERE v.ElectionId = @electionId AND (v.RegionCode = @regionCode OR (v.RegionCode > @from AND v.RegionCode < @to))
            ORDER BY v.HeldOn DESC, v.Id DESC
            {factory.Dialect.Top(100)};
            """, new { electionId, regionCode, from = RegionCode.DescendantsFrom(regionCode), to = RegionCode.DescendantsTo(regionCode) },
            cancellationToken: cancellationToken));
        return visits.Select(v => Shown(actor, v)).ToList();
    }

    /// <summary>The instructions not yet Siap in a region and under it, soonest due first (at most 200).</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<Instruction>> OpenUnderAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "list open instructions");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Instruction>(new CommandDefinition($"""
            {InstructionSelect} AND i.ElectionId = @electionId AND i.Status <> '{ItemStatus.Ready}'
              AND (i.RegionCode >= @regionCode AND i.RegionCode < @to)
            ORDER BY i.DueDate, i.AgencyCode, i.Id
            {factory.Dialect.Top(200)};
            """, new { electionId, regionCode, to = RegionCode.DescendantsTo(regionCode) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// How many instructions are not yet Siap in each of <paramref name="regionCodes"/> and under it; regions the actor
    /// does not see are left out, regions without any are 0.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenCountsAsync(Actor actor, int electionId, IReadOnlyCollection<string> regionCodes,
        CancellationToken cancellationToken = default)
    {
        var seen = regionCodes.Where(c => RegionCode.IsValid(c) && actor.CanSee(c)).Distinct().ToList();
        var counts = seen.ToDictionary(c => c, _ => 0);
        if (seen.Count == 0)
        {
            return counts;
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        foreach (var code in seen)
        {
            counts[code] = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"""
                SELECT COUNT(*) FROM ChecklistItems i
                WHERE i.Origin = '{CoordinationOrigin.Instruction}' AND i.ElectionId = @electionId AND i.Status <> '{ItemStatus.Ready}'
                  AND (i.RegionCode >= @code AND i.RegionCode < @to);
                """, new { electionId, code, to = RegionCode.DescendantsTo(code) }, cancellationToken: cancellationToken));
        }

        return counts;
    }

    /// <summary>
    /// <see cref="OpenCountsAsync"/> with the ids of every instruction item under <paramref name="regionCodes"/>, for a
    /// screen that keeps the counts live and reads them again only when an event may move them
    /// (<see cref="OpenInstructionCounts.MayMove"/>).
    /// </summary>
    public async Task<OpenInstructionCounts> OpenInstructionsAsync(Actor actor, int electionId, IReadOnlyCollection<string> regionCodes,
        CancellationToken cancellationToken = default)
    {
        var open = await OpenCountsAsync(actor, electionId, regionCodes, cancellationToken);
        var ids = new HashSet<long>();
        await using var connection = await factory.OpenAsync(cancellationToken);
        foreach (var code in open.Keys)
        {
            ids.UnionWith(await connection.QueryAsync<long>(new CommandDefinition($"""
                SELECT i.Id FROM ChecklistItems i
                WHERE i.Origin = '{CoordinationOrigin.Instruction}' AND i.ElectionId = @electionId
                  AND (i.RegionCode >= @code AND i.RegionCode < @to);
                """, new { electionId, code, to = RegionCode.DescendantsTo(code) }, cancellationToken: cancellationToken)));
        }

        return new OpenInstructionCounts(open, ids);
    }

    private static Visit Shown(Actor actor, Visit visit) =>
        actor.CanSeeNames(visit.RegionCode) ? visit : visit with { Attendees = "", Minutes = null, RecordedBy = "" };
}
