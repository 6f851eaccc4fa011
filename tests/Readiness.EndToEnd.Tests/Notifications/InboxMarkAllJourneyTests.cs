using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Notifications;

/// <summary>
/// Marking everything read empties the bell. An app of its own: the other inbox journeys need unread notices, and
/// xunit runs a class's tests in no fixed order.
/// </summary>
public sealed class InboxMarkAllJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_inbox_fits_a_phone_and_mark_all_as_read_empties_the_bell()
    {
        var page = await fixture.SignedInPageAsync("pimpinan", width: 390, height: 844);
        await page.GotoAsync("/kotak-masuk");
        await Expect(page.Locator(".inbox-item").First).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the inbox is {overflow}px wider than a 390px phone screen");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("inbox-390.png") });

        var markAll = page.GetByRole(AriaRole.Button, new() { Name = "Tandai semua sudah dibaca" });
        await Expect(markAll).ToBeEnabledAsync(); // the page answers taps once its circuit is up
        await markAll.ClickAsync();

        await Expect(page.Locator(".inbox-item.is-unread")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kotak masuk: 0 belum dibaca", Exact = true })).ToBeVisibleAsync();
    }
}
