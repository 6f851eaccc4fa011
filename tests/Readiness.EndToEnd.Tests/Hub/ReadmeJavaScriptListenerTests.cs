using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.Bench;
using Readiness.Data.Accounts;
using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Hub;

/// <summary>
/// The README's JavaScript listener, taken from the README as it is and run in Chromium on a page of the app's own
/// origin: it keeps trying from its first start (the server is down when the page opens) and across an outage longer
/// than the client library's default retries.
/// </summary>
public sealed class ReadmeJavaScriptListenerTests
{
    private const string KutaiKartanegara = "64.02";

    [Fact]
    public async Task The_readme_page_listener_started_before_the_server_hears_changes_once_it_is_up_and_again_after_a_long_outage()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        var path = Path.Combine(app.DataDirectory, "readiness.db");
        string secret;
        await using (var setup = new BenchDatabase(path))
        {
            secret = (await setup.Get<ScreenTokenStore>().CreateAsync(BenchDatabase.Admin, "Posko halaman", KutaiKartanegara)).Secret;
        }

        await app.StopAsync();
        var origin = app.BaseUri.ToString().TrimEnd('/');
        var readme = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "README.md"));
        var html = Regex.Matches(readme, @"```html\n(?<code>.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups["code"].Value)
            .Single(b => b.Contains("/hubs/readiness", StringComparison.Ordinal))
            .Replace("https://readiness.example", origin, StringComparison.Ordinal)
            .Replace("SCREEN-TOKEN-SECRET", secret, StringComparison.Ordinal);
        var script = await File.ReadAllBytesAsync(Path.Combine(AppProcess.RepositoryRoot, "src", "Readiness.Web", "wwwroot", "lib", "signalr", "signalr.min.js"));
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            // The page and the client script come from the test, so the page opens while the server is down.
            await page.RouteAsync($"{origin}/ujicoba-pendengar", route => route.FulfillAsync(new() { ContentType = "text/html", Body = html }));
            await page.RouteAsync($"{origin}/lib/signalr/signalr.min.js", route => route.FulfillAsync(new() { ContentType = "text/javascript", BodyBytes = script }));
            await page.GotoAsync($"{origin}/ujicoba-pendengar");
            var changes = page.Locator("#changes li");

            await app.StartAsync();
            await SaveUntilAsync(path, async () => await changes.CountAsync() > 0);

            // An outage past the library's default retries (0, 2, 10 and 30 s after the drop, 42 s in all, then
            // "Disconnected" for good): the README's policy is still trying.
            await app.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(50));
            var before = await changes.CountAsync();
            await app.StartAsync();

            await SaveUntilAsync(path, async () => await changes.CountAsync() > before);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    // Saves as a liaison every second until the page shows a change: waits for the condition, not for a latency.
    private static async Task SaveUntilAsync(string path, Func<Task<bool>> heard)
    {
        await using var db = new BenchDatabase(path);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        for (var n = 0; !await heard(); n++)
        {
            Assert.True(DateTime.UtcNow < deadline, "The page heard no change within 3 minutes of the server coming up.");
            await LiaisonSaves.SaveAsync(db, KutaiKartanegara, n);
            await Task.Delay(1_000);
        }
    }
}
