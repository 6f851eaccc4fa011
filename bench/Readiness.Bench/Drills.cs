using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Bench;

public sealed record DrillResult(string Name, bool Passed, string Detail)
{
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Name}: {Detail}";
}

/// <summary>Reliability drills: each states what must hold and checks it against the database afterwards.</summary>
public static class Drills
{
    /// <summary>
    /// Many editors save the same item at once, round after round: no acknowledged save may be lost, every refused
    /// save must be told as a conflict, and the item's version and event count must agree with the acknowledgements.
    /// </summary>
    public static async Task<DrillResult> ConcurrentEditorsAsync(string path, int editors, int rounds)
    {
        await using var db = new BenchDatabase(path);
        var store = db.Get<ChecklistStore>();
        var item = await AnyItemAsync(db);
        var scopes = await ProvincesAsync(db);
        var eventsBefore = await EventCountAsync(db, item.Id);
        int saved = 0, conflicts = 0, other = 0;
        for (var round = 0; round < rounds; round++)
        {
            var seen = (await store.FindAsync(item.Id))!;
            var tasks = Enumerable.Range(0, editors).Select(async editor =>
            {
                var actor = BenchDatabase.Liaison(seen.AgencyCode, scopes, $"editor{editor}");
                var status = ItemStatus.All[(round + editor) % 3]; // belum, proses, siap: no note needed
                try
                {
                    return await store.ChangeStatusAsync(actor, new StatusChange(seen.Id, seen.Version, status, $"ronde {round} editor {editor}", Guid.NewGuid()));
                }
                catch (Exception)
                {
                    return null;
                }
            }).ToList();
            foreach (var result in await Task.WhenAll(tasks))
            {
                switch (result)
                {
                    case SaveResult.Saved:
                        saved++;
                        break;
                    case SaveResult.Conflict:
                        conflicts++;
                        break;
                    default:
                        other++;
                        break;
                }
            }
        }

        var final = (await store.FindAsync(item.Id))!;
        var events = await EventCountAsync(db, item.Id) - eventsBefore;
        var ok = other == 0 && saved == rounds && conflicts == rounds * (editors - 1)
            && final.Version == item.Version + saved && events == saved;
        return new DrillResult("concurrent-editors", ok,
            $"{editors} editors x {rounds} rounds: {saved} saved, {conflicts} told as conflicts, {other} other; " +
            $"version {item.Version} -> {final.Version}, {events} events written");
    }

    /// <summary>
    /// The writer process is killed with SIGKILL in the middle of its saves: after it, every save it acknowledged is
    /// in the database, and the file passes SQLite's integrity check.
    /// </summary>
    public static async Task<DrillResult> KillDuringSavesAsync(string path, int saves, int killAfter)
    {
        var acknowledged = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Drills).Assembly.Location);
        start.ArgumentList.Add("writer");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(saves.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var writer = Process.Start(start)!;
        var killed = new TaskCompletionSource();
        writer.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("ACK ", StringComparison.Ordinal) == true)
            {
                acknowledged.Enqueue(e.Data[4..]);
                if (acknowledged.Count >= killAfter)
                {
                    killed.TrySetResult();
                }
            }
        };
        writer.BeginOutputReadLine();
        writer.BeginErrorReadLine();
        await Task.WhenAny(killed.Task, writer.WaitForExitAsync());
        var finishedAlone = writer.HasExited;
        if (!finishedAlone)
        {
            writer.Kill(entireProcessTree: true); // SIGKILL: no chance to flush or clean up
        }

        await writer.WaitForExitAsync();
        var acks = acknowledged.ToList();
        await using var db = new BenchDatabase(path);
        await using var connection = await db.Get<ConnectionFactory>().OpenAsync();
        var stored = (await connection.QueryAsync<string>("SELECT OperationId FROM ItemEvents WHERE Actor = 'bench.writer';")).ToHashSet();
        var missing = acks.Count(a => !stored.Contains(a));
        var integrity = await DatabaseBackup.IntegrityCheckAsync(path);
        return new DrillResult("sigkill-during-saves", missing == 0 && integrity == "ok" && acks.Count > 0 && !finishedAlone,
            $"killed after {acks.Count} of {saves} acknowledged saves; {missing} acknowledged saves missing; {stored.Count} stored; integrity: {integrity}");
    }

    /// <summary>The writer side of the kill drill: saves in a loop and prints each acknowledged operation id.</summary>
    public static async Task WriterAsync(string path, int saves)
    {
        await using var db = new BenchDatabase(path);
        var store = db.Get<ChecklistStore>();
        var scopes = await ProvincesAsync(db);
        var ids = await ItemIdsAsync(db, 200);
        for (var i = 0; i < saves; i++)
        {
            var item = (await store.FindAsync(ids[i % ids.Count]))!;
            var operation = Guid.NewGuid();
            var status = item.Status == ItemStatus.Ready ? ItemStatus.InProgress : ItemStatus.Ready;
            if (await store.ChangeStatusAsync(BenchDatabase.Liaison(item.AgencyCode, scopes, "bench.writer"),
                    new StatusChange(item.Id, item.Version, status, null, operation)) is SaveResult.Saved)
            {
                Console.WriteLine("ACK " + operation.ToString("D"));
            }
        }
    }

    /// <summary>
    /// A backup taken while liaisons keep saving restores to a database that passes its integrity check and holds every
    /// save acknowledged before the backup began.
    /// </summary>
    public static async Task<DrillResult> BackupWhileSavingAsync(string path, string backupPath, int writers)
    {
        await using var db = new BenchDatabase(path);
        var store = db.Get<ChecklistStore>();
        var scopes = await ProvincesAsync(db);
        var ids = await ItemIdsAsync(db, 400);
        var acknowledged = new ConcurrentQueue<(string Operation, long Tick)>();
        long backupStarted = long.MaxValue;
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var i = w;
            while (!stop.IsCancellationRequested)
            {
                var item = (await store.FindAsync(ids[i++ % ids.Count]))!;
                var operation = Guid.NewGuid();
                var status = item.Status == ItemStatus.Ready ? ItemStatus.InProgress : ItemStatus.Ready;
                if (await store.ChangeStatusAsync(BenchDatabase.Liaison(item.AgencyCode, scopes, "bench.backup"),
                        new StatusChange(item.Id, item.Version, status, null, operation)) is SaveResult.Saved)
                {
                    acknowledged.Enqueue((operation.ToString("D"), Stopwatch.GetTimestamp()));
                }
            }
        })).ToList();

        await Task.Delay(300);
        Interlocked.Exchange(ref backupStarted, Stopwatch.GetTimestamp());
        await db.Get<DatabaseBackup>().BackupAsync(backupPath);
        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var before = acknowledged.Where(a => a.Tick < backupStarted).Select(a => a.Operation).ToList();
        var integrity = await DatabaseBackup.IntegrityCheckAsync(backupPath);
        await using var restored = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backupPath};Mode=ReadOnly;Pooling=False");
        await restored.OpenAsync();
        var stored = (await restored.QueryAsync<string>("SELECT OperationId FROM ItemEvents WHERE Actor = 'bench.backup';")).ToHashSet();
        var missing = before.Count(op => !stored.Contains(op));
        return new DrillResult("backup-while-saving", integrity == "ok" && missing == 0 && before.Count > 0,
            $"{acknowledged.Count} saves during the drill, {before.Count} acknowledged before the backup began, {missing} of those missing " +
            $"from it; integrity: {integrity}");
    }

    /// <summary>
    /// Hostile input against the save paths: over-long, markup, SQL metacharacters, invalid codes and statuses. Each is
    /// refused with a message key (and nothing written), or stored exactly as typed and shown as text.
    /// </summary>
    public static async Task<DrillResult> HostileInputsAsync(string path, int count, int seed = 1)
    {
        await using var db = new BenchDatabase(path);
        var store = db.Get<ChecklistStore>();
        var scopes = await ProvincesAsync(db);
        var item = await AnyItemAsync(db);
        var actor = BenchDatabase.Liaison(item.AgencyCode, scopes);
        var stage = (await db.Get<Readiness.Data.Elections.ElectionStore>().StagesAsync(item.ElectionId)).First();
        var random = new Random(seed);
        string[] nasty =
        [
            "<script>alert(1)</script>", "'; DROP TABLE ChecklistItems; --", "\" OR 1=1 --", "%' OR RegionCode LIKE '%", "\0\u202e\uFEFF",
            "=HYPERLINK(\"http://x\")", "../../etc/passwd", "{{7*7}}", "${jndi:ldap://x}", new string('a', 5000), "😀🇮🇩", "\r\n\t",
        ];
        string[] badStatuses = ["", "SIAP", "selesai", "siap;", "kendala ", "null", "<b>siap</b>", "1"];
        string[] badCodes = ["", "64", "6402", "64.2", "64.02.99.9999", "xx.yy", "64.02'--", "99.99", "64.02.%", "../64.02"];
        int refused = 0, storedExactly = 0, wrong = 0;
        string? firstWrong = null;
        for (var i = 0; i < count; i++)
        {
            var current = (await store.FindAsync(item.Id))!;
            var eventsBefore = await EventCountAsync(db, item.Id);
            var kind = random.Next(4);
            try
            {
                switch (kind)
                {
                    case 0: // a note of any content and length
                        var note = nasty[random.Next(nasty.Length)] + (random.Next(3) == 0 ? new string('x', random.Next(900, 1200)) : "");
                        var status = ItemStatus.All[random.Next(ItemStatus.All.Count)];
                        var result = await store.ChangeStatusAsync(actor, new StatusChange(item.Id, current.Version, status, note, Guid.NewGuid()));
                        var after = (await store.FindAsync(item.Id))!;
                        var expected = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
                        if (result is SaveResult.Saved && after.Note == expected && after.Status == status)
                        {
                            storedExactly++;
                        }
                        else
                        {
                            wrong++;
                            firstWrong ??= $"note {Describe(note)} as {status}: {result.GetType().Name}, stored {Describe(after.Note)}";
                        }
                        break;
                    case 1: // an invalid status
                        var bad = badStatuses[random.Next(badStatuses.Length)];
                        await store.ChangeStatusAsync(actor, new StatusChange(item.Id, current.Version, bad, "x", Guid.NewGuid()));
                        wrong++;
                        firstWrong ??= $"status {Describe(bad)} accepted";
                        break;
                    case 2: // an invalid region code for a new item
                        await store.AddItemAsync(actor, new NewItem(item.ElectionId, badCodes[random.Next(badCodes.Length)], stage.Id, "Butir uji", stage.EndDate, Criticality.Normal), Guid.NewGuid());
                        wrong++;
                        break;
                    default: // a hostile or over-long title
                        var title = nasty[random.Next(nasty.Length)] + new string('t', random.Next(150, 400));
                        await store.AddItemAsync(actor, new NewItem(item.ElectionId, item.RegionCode, stage.Id, title, stage.EndDate, "kritis'--"), Guid.NewGuid());
                        wrong++;
                        break;
                }
            }
            catch (Exception ex) when (ex is InputException or AccessDeniedException)
            {
                var unchanged = (await store.FindAsync(item.Id))!;
                if (unchanged.Version == current.Version && await EventCountAsync(db, item.Id) == eventsBefore)
                {
                    refused++;
                }
                else
                {
                    wrong++;
                    firstWrong ??= $"kind {kind}: refused ({ex.Message}) but something was written";
                }
            }
        }

        await using var connection = await db.Get<ConnectionFactory>().OpenAsync();
        var tablesIntact = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ChecklistItems';") == 1;
        return new DrillResult("hostile-inputs", wrong == 0 && tablesIntact,
            $"{count} inputs: {refused} refused with a message and nothing written, {storedExactly} stored exactly as typed, {wrong} wrong" +
            (firstWrong is null ? "" : $" (first: {firstWrong})"));
    }

    private static string Describe(string? text) =>
        text is null ? "null" : $"\"{(text.Length > 40 ? text[..40] + "…" : text).Replace("\0", "\\0")}\" ({text.Length} chars)";

    internal static async Task<ChecklistItem> AnyItemAsync(BenchDatabase db)
    {
        await using var connection = await db.Get<ConnectionFactory>().OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT Id FROM ChecklistItems WHERE RegionCode LIKE '__.__' ORDER BY Id LIMIT 1;");
        return (await db.Get<ChecklistStore>().FindAsync(id))!;
    }

    internal static async Task<List<long>> ItemIdsAsync(BenchDatabase db, int count)
    {
        await using var connection = await db.Get<ConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<long>("SELECT Id FROM ChecklistItems ORDER BY Id LIMIT @count;", new { count })).ToList();
    }

    internal static async Task<IReadOnlyList<string>> ProvincesAsync(BenchDatabase db) =>
        (await db.Get<RegionStore>().ChildrenAsync(null)).Select(r => r.Code).ToList();

    private static async Task<long> EventCountAsync(BenchDatabase db, long itemId)
    {
        await using var connection = await db.Get<ConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ItemEvents WHERE ItemId = @itemId;", new { itemId });
    }
}
