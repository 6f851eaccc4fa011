using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Notifications;

/// <summary>
/// A leader's first morning on a phone: the inbox is a few rows (region, rule, local day, how many), a row opens to
/// its notices and is marked read as one, the bell's count of rows drops, and marking everything read empties it.
/// An app of its own: the other inbox journeys need unread notices, and xunit runs a class's tests in no fixed order.
/// </summary>
public sealed partial class InboxMarkAllJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task On_a_phone_a_leader_reads_the_inbox_by_rows_marks_a_row_read_and_the_bell_drops_then_marks_all_and_it_empties()
    {
        var page = await fixture.SignedInPageAsync("pimpinan", width: 390, height: 844);
        await page.GotoAsync("/kotak-masuk");
        var rows = page.GetByRole(AriaRole.List, new() { Name = "Pemberitahuan per wilayah, aturan dan hari" }).GetByRole(AriaRole.Listitem);
        var headings = page.GetByRole(AriaRole.Heading, new() { NameRegex = RowPattern() });
        // The first escalation run over the demo's nation comes in through the feed; on a busy machine it takes a while.
        var unreadRow = rows.Filter(new() { Has = headings }).Filter(new() { HasTextRegex = new Regex(@"\d+ belum dibaca") }).First;
        await Expect(unreadRow).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await AppFixture.WaitForInteractiveAsync(page);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the inbox is {overflow}px wider than a 390px phone screen");
        var bell = page.GetByRole(AriaRole.Link, new() { NameRegex = BellPattern() });
        await Expect(bell).ToBeVisibleAsync();
        var bar = (await page.Locator("header").First.BoundingBoxAsync())!;
        var badge = (await page.Locator(".notification-bell .mud-badge").BoundingBoxAsync())!;
        Assert.True(badge.Y >= bar.Y && badge.Y + badge.Height <= bar.Y + bar.Height && badge.X + badge.Width <= 390,
            $"The bell's count ({badge.X:0},{badge.Y:0} {badge.Width:0}x{badge.Height:0}) is cut by the app bar ({bar.Y:0}-{bar.Y + bar.Height:0} px) or the screen.");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("inbox-390.png") });

        // The row's own count of unread notices, and the bell before: the row counts once, however many it holds.
        var heading = await unreadRow.GetByRole(AriaRole.Heading).First.TextContentAsync() ?? "";
        var count = int.Parse(RowPattern().Match(heading.Trim()).Groups[1].Value);
        var before = BellCount(await bell.GetAttributeAsync("aria-label"));
        await unreadRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Buka: ") }).ClickAsync();
        var notices = page.GetByRole(AriaRole.List, new() { Name = heading.Trim(), Exact = true }).GetByRole(AriaRole.Listitem);
        await Expect(notices).ToHaveCountAsync(count);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("inbox-390-open.png") });

        var sameRow = rows.Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading.Trim(), Exact = true }) });
        await sameRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tandai dibaca: ") }).ClickAsync();
        await Expect(sameRow.GetByText(new Regex(@"^\d+ belum dibaca$"))).ToHaveCountAsync(0);
        await Expect(bell).ToHaveAttributeAsync("aria-label", $"Kotak masuk: {before - 1} kelompok belum dibaca");

        var markAll = page.GetByRole(AriaRole.Button, new() { Name = "Tandai semua sudah dibaca" });
        await markAll.ClickAsync();
        await Expect(rows.GetByText(new Regex(@"^\d+ belum dibaca$"))).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kotak masuk: 0 kelompok belum dibaca", Exact = true })).ToBeVisibleAsync();
    }

    private static int BellCount(string? label) => int.Parse(BellPattern().Match(label ?? "").Groups[1].Value);

    [GeneratedRegex(@"^Kotak masuk: (\d+) kelompok belum dibaca$")]
    private static partial Regex BellPattern();

    // "Kabupaten Kutai Kartanegara · Kendala tidak berubah 24 jam · 7 Des · 12 pemberitahuan"
    [GeneratedRegex(@"^.+ · .+ · \d{1,2} \w{3} · (\d+) pemberitahuan$")]
    private static partial Regex RowPattern();
}
