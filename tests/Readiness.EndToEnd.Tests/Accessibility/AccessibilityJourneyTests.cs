using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Accessibility;

/// <summary>
/// Every page as the person who uses it, at phone and desktop width (the wall at 1920x1080), checked by axe-core:
/// nothing that axe rates serious or critical (contrast under 4.5:1, a control without a name, a missing label, ...).
/// </summary>
public sealed class AccessibilityJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly (int Width, int Height)[] Sizes = [(390, 844), (1440, 900)];

    public static TheoryData<string, string> Pages => new()
    {
        { "-", "/masuk" },
        { "pimpinan", "/" },
        { "pimpinan", "/wilayah/64.02" },
        { "pimpinan", "/wilayah/64.02.06" },
        { "pimpinan", "/wilayah/64.02/ringkasan" },
        { "pimpinan", "/kotak-masuk" },
        { "pimpinan", "/butir/first" },
        { "penghubung.kpu", "/tugas" },
        { "penghubung.kpu", "/wilayah/64.02.06" },
        { "penghubung.polri", "/wilayah/64.02.06" },
        { "admin", "/wilayah/64.02" },
        { "admin", "/wilayah" },
        { "admin", "/admin/pengguna" },
        { "admin", "/admin/layar" },
        { "admin", "/admin/templat" },
        { "admin", "/admin/notifikasi" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_or_critical_accessibility_violation_at_phone_and_desktop_width(string user, string path)
    {
        // Signed in once: the second width is a new page of the same browser context, as a second tab would be.
        IBrowserContext? context = null;
        foreach (var (width, height) in Sizes)
        {
            var page = context is not null
                ? await context.NewPageAsync()
                : user == "-" ? await fixture.NewPageAsync(width, height) : await fixture.SignedInPageAsync(user, width: width, height: height);
            context = page.Context;
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(path == "/butir/first" ? await FirstItemAsync(page) : path);
            if (user != "-" && !path.EndsWith("/ringkasan", StringComparison.Ordinal))
            {
                await AppFixture.WaitForInteractiveAsync(page);
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertAccessibleAsync(page, $"{path} as {user} at {width}px");
            await page.CloseAsync();
        }

        await context!.CloseAsync();
    }

    [Fact]
    public async Task Wall_has_no_serious_or_critical_accessibility_violation_at_1920x1080()
    {
        var url = await fixture.CreateScreenTokenAsync("Layar aksesibilitas", "64.02");
        var wall = await fixture.NewPageAsync(1920, 1080);

        await wall.GotoAsync(url);
        await Expect(wall.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await AppFixture.WaitForInteractiveAsync(wall);

        await AssertAccessibleAsync(wall, "the wall at 1920x1080");
    }

    [Fact]
    public async Task The_bells_unread_count_is_whole_inside_the_app_bar()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        await AppFixture.WaitForInteractiveAsync(page);

        var badge = page.Locator(".notification-bell .mud-badge");
        await Expect(badge).ToBeVisibleAsync();
        var bar = (await page.Locator("header").First.BoundingBoxAsync())!;
        var count = (await badge.BoundingBoxAsync())!;

        Assert.True(count.Y >= bar.Y && count.Y + count.Height <= bar.Y + bar.Height,
            $"The count ({count.Y:0}-{count.Y + count.Height:0} px) is cut by the app bar ({bar.Y:0}-{bar.Y + bar.Height:0} px).");
        await page.Context.CloseAsync();
    }

    private static async Task<string> FirstItemAsync(IPage page)
    {
        await page.GotoAsync("/wilayah/64.02");
        var link = page.Locator("a[href^='/butir/']").First;
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        return (await link.GetAttributeAsync("href"))!;
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // The title is rendered again when the circuit takes the page over from the prerendered one: wait for it.
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}; {v.Nodes.Length} element(s), e.g. {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
