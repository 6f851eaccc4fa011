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

    /// <summary>Readiness:Accounts:HubConnectionsPerIdentity as shipped.</summary>
    private const int Limit = 20;

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

    [Fact]
    public async Task Refused_joins_with_huge_codes_are_logged_once_and_cut_short_whatever_the_client_sends()
    {
        var user = await fixture.SignedInPageAsync("pemantau");
        await using var hub = Connect(fixture.App, CookiesOf(fixture.App, await user.Context.CookiesAsync()));
        await hub.StartAsync();
        var logBefore = fixture.App.Log.Length;
        var huge = "64." + new string('7', 30_000);

        for (var i = 0; i < 15; i++)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinRegion", huge));
            Assert.True(refused.Message.Contains("Kode wilayah tidak sah") || refused.Message.Contains("Terlalu sering"), refused.Message);
        }

        await hub.InvokeAsync("LeaveRegion", "64.02"); // a round trip after the last refusal: its log line is written
        var written = fixture.App.Log[logBefore..];
        Assert.Single(written.Split('\n'), line => line.Contains("join the hub group of"));
        Assert.DoesNotContain(new string('7', 100), written);
        Assert.DoesNotContain("Failed to invoke hub method", written);
        Assert.True(written.Length < 8_000, $"15 refused joins wrote {written.Length} characters to the log:\n{written}");
    }

    [Fact]
    public async Task One_user_cannot_hold_more_hub_connections_than_the_limit()
    {
        var user = await fixture.SignedInPageAsync("penghubung.tni");
        var cookies = await user.Context.CookiesAsync();
        var open = new List<HubConnection>();
        try
        {
            for (var i = 0; i < Limit; i++)
            {
                var hub = Connect(fixture.App, CookiesOf(fixture.App, cookies));
                open.Add(hub);
                await hub.StartAsync();
            }

            await using var oneTooMany = Connect(fixture.App, CookiesOf(fixture.App, cookies));
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => oneTooMany.StartAsync());
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

            // A closed connection gives its place back (once the server has seen it close): a wall that reloads or an
            // API client that reconnects is never locked out.
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var next = Connect(fixture.App, CookiesOf(fixture.App, cookies));
                try
                {
                    await next.StartAsync();
                    open.Add(next);
                    break;
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
                {
                    await next.DisposeAsync();
                    await Task.Delay(200);
                }
            }

            Assert.Equal(HubConnectionState.Connected, open[^1].State);
        }
        finally
        {
            foreach (var hub in open)
            {
                await hub.DisposeAsync();
            }
        }

    }

    [Fact]
    public async Task A_page_of_another_site_cannot_open_a_hub_connection_with_the_users_cookie()
    {
        var user = await fixture.SignedInPageAsync("penghubung.kpu");
        var cookies = await user.Context.CookiesAsync();
        await using var foreign = Connect(fixture.App, options =>
        {
            CookiesOf(fixture.App, cookies)(options);
            options.Headers["Origin"] = "https://evil.example";
        });
        await using var own = Connect(fixture.App, options =>
        {
            CookiesOf(fixture.App, cookies)(options);
            options.Headers["Origin"] = fixture.App.BaseUri.GetLeftPart(UriPartial.Authority);
        });

        var forbidden = await Assert.ThrowsAsync<HttpRequestException>(() => foreign.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await own.StartAsync();
        await own.InvokeAsync("JoinRegion", "64.02");
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
