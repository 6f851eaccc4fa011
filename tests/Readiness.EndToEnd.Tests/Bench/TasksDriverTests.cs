using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Bench;

/// <summary>
/// The liaison's weak-link driver, small, so it keeps working. With READINESS_BENCH_FULL=1 (bench/run.sh) it runs at
/// the size bench/RESULTS.md reports and writes its figures to bench/out; the figures are never asserted as timings.
/// </summary>
[Trait("Category", "Bench")]
public sealed class TasksDriverTests : IAsyncLifetime
{
    private static readonly bool Full = Environment.GetEnvironmentVariable("READINESS_BENCH_FULL") == "1";
    private readonly AppFixture _fixture = new();

    [Fact]
    public async Task Tasks_driver_times_the_first_usable_button_on_a_weak_link_and_counts_its_bytes()
    {
        var lines = new List<string>();
        foreach (var warm in Full ? new[] { false, true } : [true])
        {
            var figures = await TasksDriver.MeasureAsync(_fixture.Browser, _fixture.App, filterRuns: Full ? 40 : 2, bulkRuns: Full ? 6 : 1, warm);

            Assert.InRange(figures.Cards, 1, 20); // a page, not the whole list
            // The first button is usable while the page still streams in (js/field.js runs in the head): the browser may
            // not have finished the document yet, but the relay has counted what crossed the wire.
            Assert.True(figures.WireBytes > 0 && figures.WireBytes >= figures.HtmlBytes, $"{figures.WireBytes} bytes over the wire, {figures.HtmlBytes} of HTML");
            Assert.Equal(Full ? 40 : 2, figures.Filter.Samples);
            Assert.Equal(20, figures.BulkItems);
            lines.Add(TasksDriver.Describe(figures, warm ? "cached scripts and styles" : "empty cache"));
        }

        var folder = Path.Combine(AppProcess.RepositoryRoot, Full ? "bench/out" : "test-artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "tasks-weak-link.txt"), lines);
    }

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();
}
