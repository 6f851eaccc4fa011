using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Wall;

/// <summary>The operations-room wall across a server restart: a server of its own, which the test stops and starts.</summary>
public sealed class WallRestartJourneyTests : IAsyncLifetime
{
    private readonly AppFixture _fixture = new();

    [Fact]
    public async Task Wall_comes_back_by_itself_after_the_server_restarts_and_shows_current_data()
    {
        var wall = await WallJourneyTests.OpenWallAsync(_fixture, "Posko Kodim Kukar");
        await Expect(wall.Locator("[data-staleness='fresh']")).ToBeVisibleAsync();

        await _fixture.App.StopAsync();
        await Expect(wall.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await _fixture.App.StartAsync(AppFixture.Settings);

        // No human touches the wall: it reconnects, finds its circuit gone, reloads, and is live again.
        await Expect(wall.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(wall.Locator("[data-staleness='fresh']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await WallJourneyTests.WaitForHeartbeatAsync(wall);
        var liaison = await _fixture.SignedInPageAsync("penghubung.polri", width: 390, height: 844);
        var title = await WallJourneyTests.MarkFirstKukarItemReadyAsync(liaison);
        await Expect(WallJourneyTests.LatestChange(wall)).ToContainTextAsync(title);
    }

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();
}
