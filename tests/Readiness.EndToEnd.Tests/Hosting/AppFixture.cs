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

    /// <summary>Settings added to <see cref="Settings"/> for this fixture's app; set before it starts.</summary>
    public Dictionary<string, string> ExtraSettings { get; init; } = [];

    private string? _templateAdminPassword;

    /// <summary>
    /// Starts the app on a copy of the run's seeded data folder (<see cref="AppTemplate"/>): the start then seeds
    /// nothing, which saves most of a first start.
    /// </summary>
    public async Task InitializeAsync()
    {
        _templateAdminPassword = await AppTemplate.CopyToAsync(App.DataDirectory);
        await App.StartAsync(new Dictionary<string, string>(Settings.Concat(ExtraSettings)));
        (Playwright, Browser) = await Hosting.Browser.LaunchAsync();
    }

    /// <summary>The password printed once to the console at first start (of this app, or of the seeded folder it copied).</summary>
    public string AdminPassword =>
        System.Text.RegularExpressions.Regex.Match(App.Log, @"user 'admin' created with password: (\S+)") is { Success: true } printed
            ? printed.Groups[1].Value
            : _templateAdminPassword ?? "";

    /// <summary>A new browser context signed in as <paramref name="userName"/> (a demo user unless a password is given).</summary>
    public async Task<IPage> SignedInPageAsync(string userName, string? password = null, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await SignInAsync(page, userName, password ?? (userName == "admin" ? AdminPassword : DemoPassword));
        return page;
    }

    /// <summary>
    /// Waits until the page's circuit has rendered it (the main region says so): a tap on the app bar while the
    /// circuit's first render replaces the prerendered one can be lost.
    /// </summary>
    public static async Task WaitForInteractiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("main[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

    /// <summary>Creates a screen token through the admin page, as an admin would; returns the address shown once.</summary>
    public async Task<string> CreateScreenTokenAsync(string name, string regionCode)
    {
        var admin = await SignedInPageAsync("admin");
        await admin.GotoAsync("/admin/layar");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Buat token" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await admin.GetByLabel("Nama layar").FillAsync(name);
        await admin.GetByLabel("Kode wilayah").FillAsync(regionCode);
        // Leaving the field commits what was typed, as a person tabbing on does; a click in the list's debounce could
        // otherwise find the field still empty.
        await admin.GetByLabel("Kode wilayah").PressAsync("Tab");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buat token" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#screen-url")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var url = await admin.Locator("#screen-url").InnerTextAsync();
        await admin.Context.CloseAsync();
        return url;
    }

    /// <summary>Revokes a screen token through the admin page, once the page is interactive; waits until it shows revoked.</summary>
    public async Task RevokeScreenTokenAsync(string name)
    {
        var admin = await SignedInPageAsync("admin");
        await admin.GotoAsync("/admin/layar");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Buat token" })).ToBeEnabledAsync();
        var revoke = admin.Locator($"[data-screen='{name}']").GetByRole(AriaRole.Button, new() { Name = "Cabut" });
        await revoke.ClickAsync();
        await ConfirmAsync(admin, "Cabut");
        await Assertions.Expect(revoke).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }

    /// <summary>Disables a user through the admin page, once the page is interactive; waits until it shows disabled.</summary>
    public static async Task DisableUserAsync(IPage admin, string userName)
    {
        await admin.GotoAsync("/admin/pengguna");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Simpan" })).ToBeEnabledAsync();
        var disable = admin.Locator($"[data-user='{userName}']").GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan", Exact = true });
        await disable.ClickAsync();
        await ConfirmAsync(admin, "Nonaktifkan");
        await Assertions.Expect(disable).ToHaveCountAsync(0);
    }

    /// <summary>Presses <paramref name="action"/> in the confirmation dialog an admin action opens; waits until it is gone.</summary>
    public static async Task ConfirmAsync(IPage admin, string action)
    {
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Picks <paramref name="option"/> in the select labelled <paramref name="label"/> (a list that opens on a click).</summary>
    public static async Task SelectAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        // Signed in once the cookie is set and the browser has left /masuk; each caller waits for what it needs next.
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
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
