using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Readiness.Bench;
using Readiness.Data.Accounts;
using Readiness.EndToEnd.Tests.Hosting;
using ReadinessClient;

namespace Readiness.EndToEnd.Tests.Hub;

/// <summary>
/// The README's .NET listener keeps trying for as long as it runs (started before the server, and across an outage
/// longer than the default retries), and a stopping server closes hub connections at once and exits.
/// </summary>
public sealed class HubListenerLifetimeTests
{
    private const string KutaiKartanegara = "64.02";

    [Fact]
    public async Task A_listener_started_while_the_server_is_down_connects_when_it_comes_up_and_again_after_a_long_outage()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        var path = Path.Combine(app.DataDirectory, "readiness.db");
        string secret;
        await using (var setup = new BenchDatabase(path))
        {
            secret = (await setup.Get<ScreenTokenStore>().CreateAsync(BenchDatabase.Admin, "Posko menunggu", KutaiKartanegara)).Secret;
        }

        await app.StopAsync();
        var received = new ConcurrentQueue<ReadinessListener.ItemChange>();
        using var stop = new CancellationTokenSource();
        var listening = ReadinessListener.ListenAsync(app.BaseUri, secret, KutaiKartanegara, received.Enqueue, stop.Token);
        // The first tries meet a closed port; the listener must still be trying when the server comes up.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.False(listening.IsFaulted, listening.Exception?.ToString());

        await app.StartAsync();
        await using var client = await listening.WaitAsync(TimeSpan.FromMinutes(3));
        await HearsNextChangeAsync(path, received);

        // An outage past the client library's default retries (0, 2, 10 and 30 s after the drop, 42 s in all, then it
        // gives up): the README's policy is still trying.
        await app.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(50));
        received.Clear();
        await app.StartAsync();

        await HearsNextChangeAsync(path, received);
        Assert.Equal(HubConnectionState.Connected, client.State);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Stopping_the_app_closes_a_connected_hub_client_at_once_and_the_app_exits()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        string secret;
        await using (var setup = new BenchDatabase(Path.Combine(app.DataDirectory, "readiness.db")))
        {
            secret = (await setup.Get<ScreenTokenStore>().CreateAsync(BenchDatabase.Admin, "Posko berhenti", KutaiKartanegara)).Secret;
        }

        await using var client = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseUri, "hubs/readiness"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(secret))
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await client.StartAsync();
        await client.InvokeAsync("JoinRegion", KutaiKartanegara);

        var stopping = app.TerminateAsync(TimeSpan.FromSeconds(60));

        // The host's default would hold the connection for its whole 30 s shutdown timeout.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(await stopping, $"The app did not exit by itself.\n{app.Log}");
    }

    // Saves as a liaison until a change arrives, so the test waits for the join rather than guessing its timing.
    private static async Task HearsNextChangeAsync(string path, ConcurrentQueue<ReadinessListener.ItemChange> received)
    {
        await using var db = new BenchDatabase(path);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var saved = new List<LiaisonSaves.Saved>();
        for (var n = 0; DateTime.UtcNow < deadline && received.IsEmpty; n++)
        {
            saved.Add(await LiaisonSaves.SaveAsync(db, KutaiKartanegara, n));
            await Task.Delay(1_000);
        }

        Assert.True(received.TryPeek(out var change), "No change arrived within 3 minutes of the server coming up.");
        Assert.Contains(saved, s => s.ItemId == change.ItemId && s.StatusAfter == change.StatusAfter);
    }
}
