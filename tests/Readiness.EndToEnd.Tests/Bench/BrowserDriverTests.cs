using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Bench;

/// <summary>
/// The browser drivers, small, so they keep working. With READINESS_BENCH_FULL=1 (bench/run.sh) they run at the
/// sizes bench/RESULTS.md reports and write their figures to bench/out; the figures are never asserted as timings.
/// </summary>
[Trait("Category", "Bench")]
public sealed class BrowserDriverTests : IAsyncLifetime
{
    private static readonly bool Full = Environment.GetEnvironmentVariable("READINESS_BENCH_FULL") == "1";
    private readonly AppFixture _fixture = new();

    [Fact]
    public async Task Latency_driver_times_the_echo_and_every_watching_page()
    {
        var sizes = Full ? new[] { 10, 50 } : [2];
        var lines = new List<string>();
        var admin = await _fixture.SignedInPageAsync("admin");
        foreach (var watchers in sizes)
        {
            var changes = Full ? 20 : 2;
            var ((echo, seen), queries, delivered) = await BrowserDrivers.MeasureLatencyWithQueriesAsync(
                _fixture.Browser, _fixture.App, _fixture.App, watchers, changes, admin);
            Assert.Equal(changes, echo.Samples);
            Assert.Equal(changes * watchers, seen.Samples);
            Assert.NotNull(queries);
            Assert.Equal(changes, delivered?.Samples);
            lines.Add($"one server, {watchers} watching pages, {changes} changes: echo {echo}; watchers {seen}; " +
                $"server, save to every screen rendered {delivered}; feed reads per change beyond polls: {queries:0.00}");
        }

        await WriteAsync("latency-one-server.txt", lines);
    }

    [Fact]
    public async Task Latency_driver_times_a_change_across_two_servers()
    {
        await using var second = new AppProcess(_fixture.App.DataDirectory);
        await second.StartAsync(AppFixture.Settings);
        var changes = Full ? 20 : 2;

        var (echo, seen) = await BrowserDrivers.MeasureLatencyAsync(_fixture.Browser, _fixture.App, second, watchers: Full ? 10 : 1, changes);

        Assert.Equal(changes, echo.Samples);
        await WriteAsync("latency-two-servers.txt", [$"two servers over one SQLite file, {changes} changes: echo {echo}; watchers on the other server {seen}"]);
    }

    [Fact]
    public async Task Memory_driver_measures_managed_memory_per_idle_wall()
    {
        var screens = Full ? 100 : 3;

        var (before, after, circuits, perCircuit) = await BrowserDrivers.MeasureWallMemoryAsync(_fixture.Browser, _fixture, screens);

        Assert.Equal(screens, circuits);
        Assert.True(after > 0 && before > 0);
        await WriteAsync("memory-walls.txt",
            [$"{circuits} idle wall circuits: managed {before / 1024.0 / 1024:0.0} MB -> {after / 1024.0 / 1024:0.0} MB after a full GC, {perCircuit / 1024.0 / 1024:0.000} MB per circuit"]);
    }

    [Fact]
    public async Task Page_weight_driver_counts_the_bytes_of_a_first_visit()
    {
        var lines = new List<string>();
        foreach (var (user, path) in new[] { ("pimpinan", "/"), ("pimpinan", "/wilayah/64.02"), ("penghubung.kpu", "/tugas") })
        {
            var (http, socket, wire, requests) = await BrowserDrivers.MeasurePageWeightAsync(_fixture.Browser, _fixture.App, user, path);
            Assert.True(http > 0 && requests > 0, $"nothing was counted for {path}");
            Assert.True(wire >= http / 2, $"the relay counted {wire} bytes for {path}, Chromium {http} over HTTP alone");
            lines.Add($"{path} as {user}, empty cache: {requests} HTTP responses, {http / 1024.0:0.0} KiB over HTTP, " +
                $"{socket / 1024.0:0.0} KiB of circuit frames as Chromium shows them (inflated, base64), " +
                $"{wire / 1024.0:0.0} KiB sent by the app over the wire in all");
        }

        await WriteAsync("page-weight.txt", lines);
    }

    private static async Task WriteAsync(string name, IEnumerable<string> lines)
    {
        var folder = Path.Combine(AppProcess.RepositoryRoot, Full ? "bench/out" : "test-artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, name), lines);
    }

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();
}
