using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Readiness.Data.Accounts;

namespace Readiness.Bench;

/// <summary>
/// The hub load driver: holds many hub connections (one screen token each, as many wall screens would) joined to one
/// region of a running app, makes liaison saves on the app's SQLite file, and measures for each save the time until
/// each connection has the <c>itemChanged</c>, and the server's memory per connection. Figures only, never asserted
/// as timings (bench/RESULTS.md).
/// </summary>
public static class HubLoad
{
    /// <summary>Milliseconds: p50, p95 and max over the samples.</summary>
    public sealed record Summary(int Samples, double P50, double P95, double Max)
    {
        public static Summary Of(IReadOnlyCollection<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0
                ? new Summary(0, 0, 0, 0)
                : new Summary(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), sorted[^1]);
        }

        private static double At(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];

        public override string ToString() => $"n={Samples} p50={P50:0} ms p95={P95:0} ms max={Max:0} ms";
    }

    /// <summary>
    /// The result: <see cref="PerConnection"/> is every connection's delay for every save (save started to message
    /// received); <see cref="EveryConnection"/> is, per save, the delay until the last connection had it.
    /// </summary>
    public sealed record Result(int Connections, int Saves, Summary PerConnection, Summary EveryConnection, int Missing,
        TimeSpan ConnectTime, long ServerBytesBefore, long ServerBytesAfter)
    {
        public double BytesPerConnection => (ServerBytesAfter - ServerBytesBefore) / (double)Connections;

        public override string ToString() =>
            $"{Connections} hub connections on one region, {Saves} saves: every connection's delay {PerConnection}; " +
            $"until every connection had it {EveryConnection}; missing {Missing}; connected in {ConnectTime.TotalSeconds:0.0} s; " +
            $"server managed memory {ServerBytesBefore / 1048576.0:0.0} MB -> {ServerBytesAfter / 1048576.0:0.0} MB, " +
            $"{BytesPerConnection / 1024:0.0} KB per connection";
    }

    private sealed record Change(long ItemId, int ItemVersion);

    /// <summary>
    /// Runs the driver against <paramref name="server"/>, whose SQLite file is <paramref name="databasePath"/>.
    /// <paramref name="serverBytes"/> reads the server's memory (e.g. managed memory after a full collection).
    /// </summary>
    public static async Task<Result> RunAsync(Uri server, string databasePath, string regionCode, int connections, int saves,
        Func<Task<long>> serverBytes, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        await using var db = new BenchDatabase(databasePath);
        var tokens = db.Get<ScreenTokenStore>();
        var secrets = new string[connections];
        for (var i = 0; i < connections; i++)
        {
            secrets[i] = (await tokens.CreateAsync(BenchDatabase.Admin, $"Layar beban {i + 1}", regionCode, cancellationToken)).Secret;
        }

        var received = new ConcurrentDictionary<Change, ConcurrentBag<long>>();
        var hubs = new HubConnection?[connections];
        var before = await serverBytes();
        var connecting = Stopwatch.StartNew();
        try
        {
            // A few at a time: a wall of screens powering on, not a flood the test machine would drop.
            await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var secret = secrets[i];
                    var connection = new HubConnectionBuilder()
                        .WithUrl(new Uri(server, "hubs/readiness"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(secret))
                        .Build();
                    connection.ServerTimeout = TimeSpan.FromMinutes(2); // a loaded two-core machine may pause longer than 30 s
                    connection.On<Change>("itemChanged", c => received.GetOrAdd(c, _ => []).Add(Stopwatch.GetTimestamp()));
                    hubs[i] = connection;
                    await connection.StartAsync(ct);
                    await connection.InvokeAsync("JoinRegion", regionCode, ct);
                });
            connecting.Stop();
            log?.WriteLine($"{connections} connections joined {regionCode} in {connecting.Elapsed.TotalSeconds:0.0} s");
            var after = await serverBytes();

            var perConnection = new List<double>();
            var every = new List<double>();
            var missing = 0;
            for (var s = 0; s < saves; s++)
            {
                var start = Stopwatch.GetTimestamp();
                var saved = await LiaisonSaves.SaveAsync(db, regionCode, s, cancellationToken);
                var change = new Change(saved.ItemId, saved.Version);
                var deadline = Stopwatch.StartNew();
                while ((received.TryGetValue(change, out var bag) ? bag.Count : 0) < connections && deadline.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(20, cancellationToken);
                }

                var times = received.TryGetValue(change, out var got) ? got.Select(t => Stopwatch.GetElapsedTime(start, t).TotalMilliseconds).ToList() : [];
                missing += connections - times.Count;
                perConnection.AddRange(times);
                if (times.Count == connections)
                {
                    every.Add(times.Max());
                }

                log?.WriteLine($"save {s + 1}: {times.Count}/{connections} connections, last after {(times.Count > 0 ? times.Max() : double.NaN):0} ms");
            }

            return new Result(connections, saves, Summary.Of(perConnection), Summary.Of(every), missing, connecting.Elapsed, before, after);
        }
        finally
        {
            await Parallel.ForEachAsync(hubs, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (hub, _) =>
            {
                if (hub is not null)
                {
                    await hub.DisposeAsync();
                }
            });
        }
    }
}
