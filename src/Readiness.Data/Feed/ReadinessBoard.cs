using System.Data;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Feed;

/// <summary>
/// This server's in-memory counts of items by region, agency, stage and status, for the regions open screens show.
/// A regency's subtree is loaded on first use (one GROUP BY) and then kept current by the feed's events; nothing is
/// loaded at start, and screens read their rollups here instead of querying the database.
/// </summary>
public sealed class ReadinessBoard(ConnectionFactory factory, FeedStore feed, ILogger<ReadinessBoard> logger)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Dictionary<(int Election, string Regency), Subtree> _subtrees = [];
    private long _appliedSeq;

    /// <summary>How many regency subtrees are held (a province's own items, held apart, are not counted here).</summary>
    public int LoadedSubtrees
    {
        get
        {
            lock (_gate)
            {
                return _subtrees.Keys.Count(k => k.Regency.Length == 5);
            }
        }
    }

    /// <summary>Readiness of a region (or the nation, for <c>""</c>: admins only) and everything under it, by agency, if the actor may see it.</summary>
    /// <exception cref="InputException">The region code is malformed.</exception>
    /// <exception cref="AccessDeniedException">The actor may not see the region.</exception>
    public async Task<RegionReadiness> ReadinessAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read readiness");
        await EnsureLoadedAsync(electionId, regionCode, cancellationToken);
        var byAgency = new Dictionary<string, ReadinessCounts>();
        var overall = ReadinessCounts.Empty;
        lock (_gate)
        {
            foreach (var (key, count) in Entries(electionId, regionCode))
            {
                byAgency[key.Agency] = byAgency.GetValueOrDefault(key.Agency, ReadinessCounts.Empty).Add(key.Status, count);
                overall = overall.Add(key.Status, count);
            }
        }

        return new RegionReadiness(regionCode, overall, byAgency);
    }

    /// <summary>Counts of a region and everything under it by agency and stage, if the actor may see it.</summary>
    /// <exception cref="InputException">The region code is malformed.</exception>
    /// <exception cref="AccessDeniedException">The actor may not see the region.</exception>
    public async Task<IReadOnlyDictionary<(string Agency, int StageId), ReadinessCounts>> ByAgencyAndStageAsync(
        Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read readiness");
        await EnsureLoadedAsync(electionId, regionCode, cancellationToken);
        var result = new Dictionary<(string, int), ReadinessCounts>();
        lock (_gate)
        {
            foreach (var (key, count) in Entries(electionId, regionCode))
            {
                result[(key.Agency, key.Stage)] = result.GetValueOrDefault((key.Agency, key.Stage), ReadinessCounts.Empty).Add(key.Status, count);
            }
        }

        return result;
    }

    /// <summary>
    /// The numbers on items of a region and everything under it (or the nation, for <c>""</c>: admins only), added up
    /// per agency and unit and per checklist item, if the actor may see it.
    /// </summary>
    /// <exception cref="InputException">The region code is malformed.</exception>
    /// <exception cref="AccessDeniedException">The actor may not see the region.</exception>
    public async Task<RegionNumbers> NumbersAsync(Actor actor, int electionId, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read numbers");
        await EnsureLoadedAsync(electionId, regionCode, cancellationToken);
        List<(string, int?, string, string, int?, int?)> items = [];
        lock (_gate)
        {
            foreach (var subtree in Subtrees(electionId, regionCode))
            {
                foreach (var n in subtree.Numbers.Values)
                {
                    if (regionCode.Length <= 5 || RegionCode.IsWithin(n.Region, regionCode))
                    {
                        items.Add((n.Agency, n.TemplateItemId, n.Title, n.Unit, n.Done, n.Target));
                    }
                }
            }
        }

        return RegionNumbers.Of(regionCode, items);
    }

    /// <summary>Applies the feed's events, in sequence order, to the subtrees that are loaded. Called by the pump only.</summary>
    public void Apply(IReadOnlyList<FeedEvent> events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                ApplyOne(e);
                _appliedSeq = Math.Max(_appliedSeq, e.Seq);
            }
        }
    }

    /// <summary>Where the pump starts: events up to here are already in whatever the database reports.</summary>
    public void StartAt(long seq)
    {
        lock (_gate)
        {
            _appliedSeq = Math.Max(_appliedSeq, seq);
        }
    }

    private void ApplyOne(FeedEvent e)
    {
        if (SubtreeOf(e.RegionCode) is not { } key || !_subtrees.TryGetValue((e.ElectionId, key), out var subtree) || e.Seq <= subtree.LoadedAtSeq)
        {
            return;
        }

        if (e.StatusBefore is not null)
        {
            var before = new CountKey(e.RegionCode, e.AgencyCode, e.StageId, e.StatusBefore);
            if (subtree.Counts.TryGetValue(before, out var count))
            {
                if (count <= 1)
                {
                    subtree.Counts.Remove(before);
                }
                else
                {
                    subtree.Counts[before] = count - 1;
                }
            }
        }

        var after = new CountKey(e.RegionCode, e.AgencyCode, e.StageId, e.StatusAfter);
        subtree.Counts[after] = subtree.Counts.GetValueOrDefault(after) + 1;

        if (e.Unit is not null)
        {
            // The event carries the item's number after the change: the newest event of an item is its number.
            subtree.Numbers[e.ItemId] = new ItemNumber(e.RegionCode, e.AgencyCode, e.TemplateItemId, e.Title, e.Unit, e.DoneAfter, e.Target);
        }
    }

    // A subtree is a regency with its kecamatan, or a province's own items (the governor's election), which lie
    // under no regency. Null for the nation, which keeps no items of its own.
    private static string? SubtreeOf(string regionCode) =>
        regionCode.Length >= 5 ? regionCode[..5] : regionCode.Length == 2 ? regionCode : null;

    // Whether the subtree keyed by `key` holds items of `regionCode` or under it: the nation's all, a province's its
    // own and its regencies', a regency's or kecamatan's its regency's (never the province's own items).
    private static bool Covers(string key, string regionCode) =>
        regionCode.Length == 0 || RegionCode.IsWithin(key, regionCode)
        || (key.Length == 5 && regionCode.StartsWith(key + ".", StringComparison.Ordinal));

    private IEnumerable<Subtree> Subtrees(int electionId, string regionCode)
    {
        foreach (var ((election, regency), subtree) in _subtrees)
        {
            if (election == electionId && Covers(regency, regionCode))
            {
                yield return subtree;
            }
        }
    }

    private IEnumerable<(CountKey Key, int Count)> Entries(int electionId, string regionCode)
    {
        foreach (var ((election, regency), subtree) in _subtrees)
        {
            if (election != electionId || !Covers(regency, regionCode))
            {
                continue;
            }

            foreach (var (key, count) in subtree.Counts)
            {
                if (regionCode.Length <= 5 || RegionCode.IsWithin(key.Region, regionCode))
                {
                    yield return (key, count);
                }
            }
        }
    }

    private async Task EnsureLoadedAsync(int electionId, string regionCode, CancellationToken cancellationToken)
    {
        if (regionCode.Length > 0 && !RegionCode.IsValid(regionCode))
        {
            throw new InputException(InputException.RegionInvalid, regionCode);
        }

        // A kecamatan is counted within its regency's subtree; a province or the nation loads every regency under it.
        var prefix = regionCode.Length >= 5 ? regionCode[..5] : regionCode;
        if (IsLoaded(electionId, prefix))
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (IsLoaded(electionId, prefix))
            {
                return;
            }

            await LoadAsync(electionId, prefix, cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool IsLoaded(int electionId, string prefix)
    {
        lock (_gate)
        {
            return prefix.Length == 5
                ? _subtrees.ContainsKey((electionId, prefix))
                : _nationsAndProvincesLoaded.Contains((electionId, prefix));
        }
    }

    private readonly HashSet<(int, string)> _nationsAndProvincesLoaded = [];

    private async Task LoadAsync(int electionId, string prefix, CancellationToken cancellationToken)
    {
        var filter = prefix.Length == 0 ? "1 = 1" : "(RegionCode >= @prefix AND RegionCode < @descendantsEnd)";
        var regencyFilter = prefix.Length == 0 ? "1 = 1" : "(Code >= @prefix AND Code < @descendantsEnd)";
        var args = new { electionId, prefix, descendants = prefix + ".", descendantsEnd = prefix + "/" };
        long loadedAt;
        List<(string Region, string Agency, long Stage, string Status, long Count)> rows;
        List<string> regencies;
        List<(long Id, string Region, string Agency, int? Template, string Title, string Unit, int? Done, int? Target)> numbers;
        await using (var connection = await factory.OpenAsync(cancellationToken))
        {
            // One consistent view of the counts and of the event log's end: the feed applies what comes after it.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            loadedAt = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(Seq) FROM ItemEvents;", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
            rows = (await connection.QueryAsync<(string, string, long, string, long)>(new CommandDefinition($"""
                SELECT RegionCode, AgencyCode, StageId, Status, COUNT(*)
                FROM ChecklistItems WHERE ElectionId = @electionId AND {filter}
                GROUP BY RegionCode, AgencyCode, StageId, Status;
                """, args, transaction, cancellationToken: cancellationToken))).AsList();
            numbers = (await connection.QueryAsync<(long, string, string, int?, string, string, int?, int?)>(new CommandDefinition($"""
                SELECT Id, RegionCode, AgencyCode, TemplateItemId, Title, Unit, Done, Target
                FROM ChecklistItems WHERE ElectionId = @electionId AND Unit IS NOT NULL AND {filter};
                """, args, transaction, cancellationToken: cancellationToken))).AsList();
            regencies = (await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT Code FROM Regions WHERE Level IN (1, 2) AND {regencyFilter};", args, transaction,
                cancellationToken: cancellationToken))).AsList();
            await transaction.CommitAsync(cancellationToken);
        }

        long caughtUpTo;
        var added = new List<string>();
        lock (_gate)
        {
            foreach (var regency in regencies)
            {
                if (!_subtrees.ContainsKey((electionId, regency)))
                {
                    _subtrees[(electionId, regency)] = new Subtree(loadedAt);
                    added.Add(regency);
                }
            }

            var fresh = added.ToHashSet();
            foreach (var (region, agency, stage, status, count) in rows)
            {
                if (SubtreeOf(region) is { } key && fresh.Contains(key))
                {
                    _subtrees[(electionId, key)].Counts[new CountKey(region, agency, (int)stage, status)] = (int)count;
                }
            }

            foreach (var n in numbers)
            {
                if (SubtreeOf(n.Region) is { } key && fresh.Contains(key))
                {
                    _subtrees[(electionId, key)].Numbers[n.Id] = new ItemNumber(n.Region, n.Agency, n.Template, n.Title, n.Unit, n.Done, n.Target);
                }
            }

            if (prefix.Length < 5)
            {
                _nationsAndProvincesLoaded.Add((electionId, prefix));
            }

            caughtUpTo = _appliedSeq;
        }

        if (caughtUpTo > loadedAt && added.Count > 0)
        {
            // The feed moved past this view while it was read: its events skipped these subtrees, so apply them now.
            var missed = await feed.ReadRangeAsync(loadedAt, caughtUpTo, electionId, prefix.Length == 0 ? null : prefix, cancellationToken);
            lock (_gate)
            {
                var fresh = added.ToHashSet();
                foreach (var e in missed.Where(e => SubtreeOf(e.RegionCode) is { } key && fresh.Contains(key)))
                {
                    ApplyOne(e);
                }
            }
        }
    }

    private readonly record struct CountKey(string Region, string Agency, int Stage, string Status);

    private sealed record ItemNumber(string Region, string Agency, int? TemplateItemId, string Title, string Unit, int? Done, int? Target);

    private sealed class Subtree(long loadedAtSeq)
    {
        public long LoadedAtSeq { get; } = loadedAtSeq;

        public Dictionary<CountKey, int> Counts { get; } = [];

        /// <summary>The number of each item that counts something, by item id.</summary>
        public Dictionary<long, ItemNumber> Numbers { get; } = [];
    }
}
