using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Reports;

/// <summary>
/// Reads <see cref="RegionReport"/>s and carries them forward: the one read side the region page, the wall and the
/// brief render, so they agree. Readiness and numbers come from this server's <see cref="ReadinessBoard"/> (memory),
/// the red flags from <see cref="RedFlagStore"/>, the day from <see cref="RegionCalendar"/>.
/// </summary>
public sealed class RegionReports(
    RegionStore regions,
    RegionCalendar calendar,
    ReadinessBoard board,
    RedFlagStore redFlags,
    RegionBoundaries boundaries,
    FeedStore feed,
    ChecklistStore checklists,
    ContactStore contacts,
    TimeProvider time,
    ILogger<RegionReports> logger)
{
    /// <summary>
    /// The report of <paramref name="code"/> (null or <c>""</c>: the nation, admins only) for <paramref name="actor"/>;
    /// null when no such region exists. Without a current election the report holds the region and its day only.
    /// </summary>
    /// <exception cref="InputException">The code is not a region code.</exception>
    /// <exception cref="AccessDeniedException">The actor may not see the region (the nation: admins only).</exception>
    public async Task<RegionReport?> ReadAsync(Actor actor, string? code, RegionReportOptions options, CancellationToken cancellationToken = default)
    {
        Region? region = null;
        if (string.IsNullOrEmpty(code))
        {
            actor.RequireSee("", logger, "read the nation's report");
        }
        else
        {
            if (!RegionCode.IsValid(code))
            {
                throw new InputException(InputException.RegionInvalid, code);
            }

            region = await regions.FindAsync(code, cancellationToken);
            if (region is null)
            {
                return null;
            }

            // Once, here: every read below is of this region's subtree.
            actor.RequireSee(region.Code, logger, "read a region's report");
        }

        var asOf = time.GetUtcNow().UtcDateTime;
        var day = await calendar.DayAsync(region, cancellationToken);
        var report = new RegionReport { Actor = actor, Options = options, Region = region, Day = day, AsOfUtc = asOf };
        if (day.Election is not { } election)
        {
            return report;
        }

        var regionCode = region?.Code ?? "";
        var ancestry = region is null ? [] : await regions.AncestryAsync(region.Code, cancellationToken);
        var withChildren = options.ReadChildren && region?.Level != RegionLevel.District
                           && (!options.ChildrenOnlyOfRegency || region?.Level == RegionLevel.Regency);
        var withMap = options.ReadMap && region?.Level != RegionLevel.District
                      && (!options.ChildrenOnlyOfRegency || region?.Level == RegionLevel.Regency);
        var flags = options.FlagsTake > 0
            ? await redFlags.ForRegionAsync(actor, election.Id, regionCode, options.FlagsTake, cancellationToken, options.FlagKind)
            : RedFlagReport.Empty;
        var overdue = withChildren
            ? await redFlags.ChildOverdueAsync(actor, election.Id, regionCode, cancellationToken)
            : ChildOverdueCounts.None(regionCode);
        IReadOnlyList<FeedEvent> latest = options.LatestTake > 0 && region is not null
            ? [.. (await feed.RecentAsync(actor, regionCode, options.LatestTake, options.LatestSinceUtc, cancellationToken)).Where(e => e.ElectionId == election.Id)]
            : [];
        int? latestTotal = options.LatestSinceUtc is { } since && region is not null
            ? await feed.CountRecentAsync(actor, regionCode, since, cancellationToken)
            : null;
        var map = withMap ? await boundaries.ChildrenOfAsync(regionCode) : null;
        var childRegions = withChildren ? await regions.ChildrenAsync(region?.Code, cancellationToken) : [];
        var risk = childRegions.Count > 0 ? await regions.RiskLevelsAsync(cancellationToken) : new Dictionary<string, string>();
        report = report with
        {
            Ancestry = ancestry,
            Flags = flags,
            Overdue = overdue,
            Latest = latest,
            LatestTotal = latestTotal,
            Map = map,
            Children = [.. childRegions.Select(c => new RegionReportChild(c, risk.GetValueOrDefault(c.Code),
                new RegionReadiness(c.Code, ReadinessCounts.Empty, new Dictionary<string, ReadinessCounts>()), overdue[c.Code]))],
        };
        if (report.ListsOwnItems)
        {
            report = report with { Items = await checklists.ListOfRegionAsync(actor, election.Id, regionCode, cancellationToken) };
        }

        report = await RecountAsync(report, null, cancellationToken);
        return await WithContactsAsync(report, cancellationToken);
    }

    /// <summary>
    /// The report moved by exactly what <paramref name="events"/> did (<see cref="RegionReport.Apply"/>), with the
    /// board's counts read again (memory, no query), the region's own items read again when one of them changed, and
    /// the contacts of names not shown before; a stale report (past <see cref="RegionReport.ValidUntilUtc"/>) is read
    /// again instead. Answers which parts moved, so a screen re-renders only those.
    /// </summary>
    /// <exception cref="AccessDeniedException">The reader may no longer see the region (on a new read).</exception>
    public async Task<(RegionReport Report, RegionReportParts Changed)> ApplyAsync(RegionReport report, IReadOnlyList<FeedEvent> events,
        CancellationToken cancellationToken = default)
    {
        if (report.Election is null)
        {
            return (report, RegionReportParts.None);
        }

        if (report.IsStale(time))
        {
            return (await ReadAsync(report.Actor, report.Region?.Code, report.Options, cancellationToken) ?? report, RegionReportParts.All);
        }

        var (moved, changed) = report.Apply(events);
        if (!events.Any(report.Concerns))
        {
            return (report, RegionReportParts.None);
        }

        if (moved.ListsOwnItems && events.Any(e => report.Concerns(e) && e.RegionCode == report.Code))
        {
            moved = moved with { Items = await checklists.ListOfRegionAsync(moved.Actor, moved.Election!.Id, moved.Code, cancellationToken) };
            changed |= RegionReportParts.Items;
        }

        var recounted = await RecountAsync(moved, events, cancellationToken);
        if (!recounted.Readiness.SameCountsAs(moved.Readiness))
        {
            changed |= RegionReportParts.Readiness;
        }

        if (recounted.Children.Zip(moved.Children).Any(p => !p.First.Readiness.SameCountsAs(p.Second.Readiness)))
        {
            changed |= RegionReportParts.Children;
        }

        // Numbers follow events the counts do not show (a done count typed on an item), and most changes move none.
        if (!recounted.Numbers.SameAs(moved.Numbers))
        {
            changed |= RegionReportParts.Numbers;
        }
        var named = await WithContactsAsync(recounted, cancellationToken);
        if (!ReferenceEquals(named.Contacts, recounted.Contacts))
        {
            changed |= RegionReportParts.Contacts;
        }

        return (named, changed);
    }

    /// <summary>
    /// The report with its risk levels one level down read again (after a leader set one), everything else as it is.
    /// </summary>
    public async Task<RegionReport> WithRiskLevelsAsync(RegionReport report, CancellationToken cancellationToken = default)
    {
        var risk = await regions.RiskLevelsAsync(cancellationToken);
        var region = report.Region is null ? null : await regions.FindAsync(report.Region.Code, cancellationToken) ?? report.Region;
        return report with
        {
            Region = region,
            Children = [.. report.Children.Select(c => c with { RiskLevel = risk.GetValueOrDefault(c.Region.Code) })],
        };
    }

    /// <summary>
    /// The report's counts, stages, numbers and children read again from this server's board (memory, no query once the
    /// subtree is loaded). With <paramref name="events"/> (a
    /// live batch), only what they can move: a child none of them lies under keeps its counts, and the numbers are
    /// read again only when one of them is an item with a number (the board moves numbers on those alone). On a
    /// nation or province page this is most of the work of a change.
    /// </summary>
    private async Task<RegionReport> RecountAsync(RegionReport report, IReadOnlyList<FeedEvent>? events, CancellationToken cancellationToken)
    {
        var (actor, electionId, code) = (report.Actor, report.Election!.Id, report.Code);
        var readiness = await board.ReadinessAsync(actor, electionId, code, cancellationToken);
        var byStage = (await board.ByAgencyAndStageAsync(actor, electionId, code, cancellationToken))
            .GroupBy(p => p.Key.StageId)
            .ToDictionary(g => g.Key, g => g.Aggregate(ReadinessCounts.Empty, (sum, p) => sum + p.Value));
        var numbers = events is null || events.Any(e => e.Unit is not null && report.Concerns(e))
            ? await board.NumbersAsync(actor, electionId, code, cancellationToken)
            : report.Numbers;
        var children = new List<RegionReportChild>(report.Children.Count);
        foreach (var child in report.Children)
        {
            children.Add(events is not null && !events.Any(e => RegionCode.IsWithin(e.RegionCode, child.Region.Code))
                ? child
                : child with { Readiness = await board.ReadinessAsync(actor, electionId, child.Region.Code, cancellationToken) });
        }

        return report with { Readiness = readiness, ByStage = byStage, Numbers = numbers, Children = children };
    }

    /// <summary>Reads the contacts of names shown and not asked for yet (a new liaison's first change); the same report when all are known.</summary>
    private async Task<RegionReport> WithContactsAsync(RegionReport report, CancellationToken cancellationToken)
    {
        var missing = report.UnaskedNames();
        if (missing.Count == 0)
        {
            return report;
        }

        var read = await contacts.ForRegionAsync(report.Actor, report.Code, missing, cancellationToken);
        var asked = new HashSet<string>(report.AskedNames, StringComparer.OrdinalIgnoreCase);
        asked.UnionWith(missing);
        return report with
        {
            AskedNames = asked,
            Contacts = report.Contacts.Concat(read).DistinctBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase),
        };
    }
}
