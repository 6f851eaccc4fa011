using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Security;

/// <summary>
/// Every screen runs under the policy without a single violation: MudBlazor, the Blazor script and our own
/// scripts load from this origin, nothing inline runs, no font or style comes from elsewhere. A stylesheet or
/// script the browser refuses for any other reason (a wrong or missing type) and a circuit that ends on an
/// unhandled error fail these tests too.
/// </summary>
[Collection(SecurityApp.Name)]
public sealed class ContentSecurityPolicyTests(AppFixture fixture)
{
    [Theory]
    [InlineData("admin", "/")]
    [InlineData("pimpinan", "/")]
    [InlineData("admin", "/wilayah")]
    [InlineData("pimpinan", "/wilayah/64.02")]
    [InlineData("pimpinan", "/wilayah/64.02.05")]
    [InlineData("pimpinan", "/wilayah/64.02/ringkasan")]
    [InlineData("admin", "/butir/1")]
    [InlineData("penghubung.kpu", "/tugas")]
    [InlineData("penghubung.kpu", "/admin/pengguna")]
    [InlineData("pimpinan", "/akses-ditolak")]
    [InlineData("pimpinan", "/layar/buka?token=bukan-token")]
    [InlineData("pimpinan", "/Error")]
    [InlineData("admin", "/admin/pengguna")]
    [InlineData("admin", "/admin/templat")]
    [InlineData("admin", "/admin/layar")]
    [InlineData("pimpinan", "/tidak-ada")]
    public async Task A_page_loads_and_runs_with_no_policy_violation(string user, string path)
    {
        var page = await fixture.SignedInPageAsync(user);
        var violations = await WatchAsync(page);

        await page.GotoAsync(path);
        await Expect(page.Locator("main")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(await CollectAsync(page, violations));
    }

    [Theory]
    [InlineData("/masuk", "Nama pengguna")]
    [InlineData("/layar/dicabut", null)]
    [InlineData("/formulir-kedaluwarsa", "Masuk lagi")]
    [InlineData("/layar/buka?token=bukan-token", "Keluar dan buka layar")]
    public async Task A_page_for_anyone_loads_with_no_policy_violation(string path, string? label)
    {
        var page = await fixture.NewPageAsync();
        var violations = await WatchAsync(page);
        await page.GotoAsync(path);
        await Expect(page.Locator("main")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        if (label is not null)
        {
            await Expect(page.GetByText(label).First).ToBeVisibleAsync();
        }

        // Generous: a freshly started demo server may still be busy with its first work when the files are asked for.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 90_000 });
        Assert.Empty(await CollectAsync(page, violations));
    }

    [Fact]
    public async Task The_sign_in_page_and_the_wall_have_no_policy_violation()
    {
        var anonymous = await fixture.NewPageAsync();
        var violations = await WatchAsync(anonymous);
        await anonymous.GotoAsync("/masuk");
        await Expect(anonymous.GetByLabel("Nama pengguna")).ToBeVisibleAsync();
        Assert.Empty(await CollectAsync(anonymous, violations));

        var url = await fixture.CreateScreenTokenAsync("Uji kebijakan", "64.02");
        var wall = await fixture.NewPageAsync(1920, 1080);
        var wallViolations = await WatchAsync(wall);
        await wall.GotoAsync(url);
        await Expect(wall.Locator("[data-staleness]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await wall.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(await CollectAsync(wall, wallViolations));
    }

    /// <summary>Records violations both as the browser reports them in the console and as DOM events.</summary>
    private static async Task<List<string>> WatchAsync(IPage page)
    {
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.StartsWith("Refused to", StringComparison.Ordinal)
                || message.Text.Contains("unhandled exception on the current circuit", StringComparison.OrdinalIgnoreCase))
            {
                lock (console)
                {
                    console.Add(message.Text);
                }
            }
        };
        await page.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener("securitypolicyviolation", e =>
                window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
            """);
        return console;
    }

    private static async Task<IReadOnlyList<string>> CollectAsync(IPage page, List<string> console)
    {
        var events = await page.EvaluateAsync<string[]>("() => window.__csp ?? []");
        lock (console)
        {
            return [.. console, .. events];
        }
    }
}
