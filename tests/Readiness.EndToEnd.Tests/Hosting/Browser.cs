using Microsoft.Playwright;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>Debian's Chromium driven by Playwright; nothing is downloaded.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots are kept for people to look at after a run.</summary>
    public static string ArtifactPath(string name)
    {
        var folder = Path.Combine(AppProcess.RepositoryRoot, "test-artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
