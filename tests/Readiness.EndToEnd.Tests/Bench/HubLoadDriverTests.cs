using System.Text.Json;
using Readiness.Bench;
using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Bench;

/// <summary>
/// The hub load driver (bench/Readiness.Bench/HubLoad.cs), small, so it keeps working. With READINESS_BENCH_FULL=1
/// (bench/run.sh) it holds 2,000 connections and writes its figures to bench/out; they are never asserted as timings.
/// </summary>
[Trait("Category", "Bench")]
public sealed class HubLoadDriverTests : IAsyncLifetime
{
    private static readonly bool Full = Environment.GetEnvironmentVariable("READINESS_BENCH_FULL") == "1";
    // Saves come from this process on the app's SQLite file, so they reach the app by its poll: a short poll keeps
    // that wait (at most 50 ms) small beside what is measured, the fan-out to every connection.
    private readonly AppFixture _fixture = new() { ExtraSettings = { ["Readiness__Feed__PollInterval"] = "00:00:00.050" } };

    [Fact]
    public async Task Hub_load_driver_delivers_every_save_to_every_connection()
    {
        var (connections, saves) = Full ? (2000, 10) : (20, 2);
        var admin = await _fixture.SignedInPageAsync("admin");

        var result = await HubLoad.RunAsync(_fixture.App.BaseUri, Path.Combine(_fixture.App.DataDirectory, "readiness.db"), "64.02",
            connections, saves, async () =>
            {
                var response = await admin.APIRequest.GetAsync("/api/diagnostik/memori");
                return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("managedBytes").GetInt64();
            }, Console.Out);

        Assert.Equal(0, result.Missing);
        Assert.Equal(connections * saves, result.PerConnection.Samples);
        Assert.Equal(saves, result.EveryConnection.Samples);
        Assert.True(result.ServerBytesAfter > 0);
        var folder = Path.Combine(AppProcess.RepositoryRoot, Full ? "bench/out" : "test-artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "hub-load.txt"), result + Environment.NewLine);
    }

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();
}
