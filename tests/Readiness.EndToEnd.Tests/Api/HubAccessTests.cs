using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Api;

/// <summary>
/// Outside clients on the hub, with the .NET SignalR client against the app on a real port: access that ends (a revoked
/// token, a disabled user) ends their connection within the re-check interval (2 s in <see cref="AppFixture"/>).
/// </summary>
[Collection(ApiApp.Name)]
public sealed class HubAccessTests(AppFixture fixture)
{
    private static readonly TimeSpan WithinInterval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_screen_connection_is_closed_when_its_token_is_revoked_and_cannot_come_back()
    {
        var url = await fixture.CreateScreenTokenAsync("Posko Hub Kukar", "64.02");
        var token = Uri.UnescapeDataString(new Uri(url).Query.Split("token=")[1]);
        await using var hub = Connect(fixture.App, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        var closed = ClosedTask(hub);
        await hub.StartAsync();
        await hub.InvokeAsync("JoinRegion", "64.02");

        await fixture.RevokeScreenTokenAsync("Posko Hub Kukar");

        await closed.WaitAsync(WithinInterval);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        await using var again = Connect(fixture.App, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_users_connection_is_closed_when_the_user_is_disabled()
    {
        var user = await fixture.SignedInPageAsync("penghubung.polri");
        await using var hub = Connect(fixture.App, CookiesOf(fixture.App, await user.Context.CookiesAsync()));
        var closed = ClosedTask(hub);
        await hub.StartAsync();
        await hub.InvokeAsync("JoinRegion", "64.02");

        await AppFixture.DisableUserAsync(await fixture.SignedInPageAsync("admin"), "penghubung.polri");

        await closed.WaitAsync(WithinInterval);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task JoinRegion_checks_the_users_current_state_every_time_not_only_at_the_re_check()
    {
        // A re-check interval far longer than the test: only JoinRegion's own check can refuse.
        await using var app = new AppProcess();
        await app.StartAsync(new Dictionary<string, string> { ["Readiness__Accounts__RevalidationInterval"] = "00:05:00" });
        var (playwright, browser) = await Hosting.Browser.LaunchAsync();
        try
        {
            var userPage = await NewPageAsync(browser, app);
            await AppFixture.SignInAsync(userPage, "pimpinan", AppFixture.DemoPassword);
            await using var hub = Connect(app, CookiesOf(app, await userPage.Context.CookiesAsync()));
            await hub.StartAsync();
            await hub.InvokeAsync("JoinRegion", "64.02");

            var admin = await NewPageAsync(browser, app);
            var adminPassword = System.Text.RegularExpressions.Regex.Match(app.Log, @"user 'admin' created with password: (\S+)").Groups[1].Value;
            await AppFixture.SignInAsync(admin, "admin", adminPassword);
            await AppFixture.DisableUserAsync(admin, "pimpinan");

            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinRegion", "64.02.05"));
            Assert.Contains("Akses Anda sudah berakhir", refused.Message);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_malformed_region_code_is_refused_as_such()
    {
        var user = await fixture.SignedInPageAsync("pimpinan");
        await using var hub = Connect(fixture.App, CookiesOf(fixture.App, await user.Context.CookiesAsync()));
        await hub.StartAsync();

        foreach (var code in new[] { "64.02\n", "６４.02", "64.02 " })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinRegion", code));
            Assert.Contains("Kode wilayah tidak sah", refused.Message);
        }
    }

    private static HubConnection Connect(AppProcess app, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> configure) =>
        new HubConnectionBuilder().WithUrl(new Uri(app.BaseUri, "hubs/readiness"), configure).Build();

    private static Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> CookiesOf(AppProcess app, IReadOnlyList<BrowserContextCookiesResult> cookies) =>
        options =>
        {
            foreach (var c in cookies)
            {
                options.Cookies.Add(new System.Net.Cookie(c.Name, c.Value, "/", app.BaseUri.Host));
            }
        };

    private static Task ClosedTask(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, AppProcess app)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUri.ToString() });
        return await context.NewPageAsync();
    }
}
