using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Bench;

/// <summary>
/// The liaison's EDGE-link and link-down driver, small, so it keeps working. With READINESS_BENCH_FULL=1
/// (bench/run.sh) it runs at the size bench/RESULTS.md reports and writes its figures to bench/out; the figures are
/// never asserted as timings.
/// </summary>
[Trait("Category", "Bench")]
public sealed class FieldLinkDriverTests : IAsyncLifetime
{
    private static readonly bool Full = Environment.GetEnvironmentVariable("READINESS_BENCH_FULL") == "1";
    private readonly AppFixture _fixture = new();

    [Fact]
    public async Task Field_link_driver_times_a_tap_on_an_edge_link_and_the_drain_of_taps_and_photos_after_the_link_returns()
    {
        var figures = await FieldLinkDriver.MeasureAsync(_fixture.Browser, _fixture.App, runs: Full ? 5 : 1, outageTaps: Full ? 10 : 3, outagePhotos: Full ? 2 : 1);

        Assert.Equal(Full ? 5 : 1, figures.Saved.Samples);
        Assert.True(figures.Saved.Max >= figures.Accepted.Max, "a tap is saved no sooner than the card takes it");
        Assert.True(figures.Drained > 0);
        Assert.Equal(Full ? 2 : 1, figures.Photos);
        var folder = Path.Combine(AppProcess.RepositoryRoot, Full ? "bench/out" : "test-artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "field-link.txt"), FieldLinkDriver.Describe(figures) + Environment.NewLine);
    }

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();
}
