using Microsoft.Playwright;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>One app with demo data and one browser, shared by the journeys of a test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public AppProcess App { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public const string DemoPassword = "demo-kesiapan-pilkada";

    /// <summary>Short re-checks so revocation is seen within seconds; sign-in limits out of the way of many journeys.</summary>
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["Readiness__Accounts__RevalidationInterval"] = "00:00:02",
        ["Readiness__Accounts__SignInAttemptsPerMinute"] = "1000",
    };

    public async Task InitializeAsync()
    {
        await App.StartAsync(Settings);
        (Playwright, Browser) = await Hosting.Browser.LaunchAsync();
    }

    /// <summary>The password printed once to the console at first start.</summary>
    public string AdminPassword =>
        System.Text.RegularExpressions.Regex.Match(App.Log, @"user 'admin' created with password: (\S+)").Groups[1].Value;

    /// <summary>A new browser context signed in as <paramref name="userName"/> (a demo user unless a password is given).</summary>
    public async Task<IPage> SignedInPageAsync(string userName, string? password = null, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await SignInAsync(page, userName, password ?? (userName == "admin" ? AdminPassword : DemoPassword));
        return page;
    }

    /// <summary>Creates a screen token through the admin page, as an admin would; returns the address shown once.</summary>
    public async Task<string> CreateScreenTokenAsync(string name, string regionCode)
    {
        var admin = await SignedInPageAsync("admin");
        await admin.GotoAsync("/admin/layar");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Buat token" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await admin.GetByLabel("Nama layar").FillAsync(name);
        await admin.GetByLabel("Kode wilayah").FillAsync(regionCode);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buat token" }).ClickAsync();
        var url = await admin.Locator("#screen-url").InnerTextAsync();
        await admin.Context.CloseAsync();
        return url;
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await App.DisposeAsync();
    }
}
