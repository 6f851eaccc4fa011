using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Readiness.Bench;
using Readiness.Data.Accounts;
using Readiness.EndToEnd.Tests.Hosting;
using ReadinessClient;

namespace Readiness.EndToEnd.Tests.Hub;

/// <summary>The README's .NET client across a server restart: it reconnects by itself, joins again, and hears the next change.</summary>
public sealed class HubReconnectionTests
{
    [Fact]
    public async Task After_a_server_restart_the_reconnecting_client_joins_again_and_receives_the_next_change()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        var path = Path.Combine(app.DataDirectory, "readiness.db");
        string secret;
        await using (var setup = new BenchDatabase(path))
        {
            secret = (await setup.Get<ScreenTokenStore>().CreateAsync(BenchDatabase.Admin, "Posko mulai ulang", "64.02")).Secret;
        }

        var received = new ConcurrentQueue<ReadinessListener.ItemChange>();
        await using var client = await ReadinessListener.ListenAsync(app.BaseUri, secret, "64.02", received.Enqueue);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += _ =>
        {
            reconnected.TrySetResult();
            return Task.CompletedTask;
        };

        await app.StopAsync();
        await app.StartAsync();
        await reconnected.Task.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(HubConnectionState.Connected, client.State);

        // The join after reconnecting is the client's own (its Reconnected handler ran before ours, or alongside):
        // save until a change arrives, so the test waits for the join rather than guessing its timing.
        await using var db = new BenchDatabase(path);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var saved = new List<LiaisonSaves.Saved>();
        for (var n = 0; DateTime.UtcNow < deadline && received.IsEmpty; n++)
        {
            saved.Add(await LiaisonSaves.SaveAsync(db, "64.02", n));
            await Task.Delay(1_000);
        }

        Assert.True(received.TryPeek(out var change), "No change arrived within 60 s of the reconnection.");
        var match = Assert.Single(saved, s => s.ItemId == change.ItemId && s.StatusAfter == change.StatusAfter);
        Assert.Equal(match.Actor, change.Actor);
    }
}
