using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Accounts;

/// <summary>Sessions end when they should, and programs are told so in JSON rather than sent to a sign-in form.</summary>
[Collection(AccountsApp.Name)]
public sealed class SessionSecurityTests(AppFixture fixture)
{
    private const string Api = "/api/wilayah/64.02/kesiapan";

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token_and_the_old_cookie_then_stops_working()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        var cookie = await CookieHeaderAsync(page);
        using var http = Client(cookie);

        // Another site's form (no antiforgery token) cannot sign anyone out.
        var forged = await http.PostAsync("/keluar", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.SeeOther, forged.StatusCode);
        Assert.Equal("/formulir-kedaluwarsa", forged.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Api)).StatusCode);

        await AppFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk"));

        // A copy of the cookie taken before sign-out is worth nothing now, at once.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(Api)).StatusCode);
        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/masuk", home.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(Api, null)]
    [InlineData(Api, "Bearer not-a-token")]
    [InlineData("/api/diagnostik/feed", null)]
    [InlineData("/hubs/readiness/negotiate?negotiateVersion=1", null)]
    [InlineData("/hubs/readiness/negotiate?negotiateVersion=1", "Bearer not-a-token")]
    public async Task Missing_or_unknown_credentials_get_401_with_a_json_problem_not_a_redirect(string path, string? authorization)
    {
        using var http = Client(null);
        using var request = new HttpRequestMessage(path.Contains("negotiate") ? HttpMethod.Post : HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_revoked_screen_token_gets_401_and_a_user_without_the_role_gets_403_in_json()
    {
        var url = await fixture.CreateScreenTokenAsync("Posko API", "64.02");
        var token = new Uri(url).Query.Split("token=")[1];
        using var http = Client(null);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + Uri.UnescapeDataString(token));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Api)).StatusCode);

        await fixture.RevokeScreenTokenAsync("Posko API");

        var revoked = await http.GetAsync(Api);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);

        var viewer = await fixture.SignedInPageAsync("pemantau");
        using var viewerHttp = Client(await CookieHeaderAsync(viewer));
        var forbidden = await viewerHttp.GetAsync("/api/diagnostik/feed");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Null(forbidden.Headers.Location);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_screen_link_does_not_replace_a_signed_in_session_without_the_persons_confirmation()
    {
        var url = await fixture.CreateScreenTokenAsync("Posko Konfirmasi", "64.02");
        var token = Uri.UnescapeDataString(new Uri(url).Query.Split("token=")[1]);
        var page = await fixture.SignedInPageAsync("pimpinan");
        var cookie = await CookieHeaderAsync(page);

        // A link from elsewhere: the leader is asked, and stays signed in as themself until they answer.
        await page.GotoAsync(url);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/layar/buka\\?token="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Buka layar dinding di sini?" })).ToBeVisibleAsync();
        using var http = Client(cookie);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Api)).StatusCode);

        // Another site's form post (no antiforgery token) changes nothing.
        var forged = await http.PostAsync("/layar/masuk", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        Assert.Equal(HttpStatusCode.SeeOther, forged.StatusCode);
        Assert.Equal("/formulir-kedaluwarsa", forged.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Api)).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar dan buka layar" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/layar/64\\.02$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    private HttpClient Client(string? cookie)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.App.BaseUri };
        if (cookie is not null)
        {
            http.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return http;
    }

    internal static async Task<string> CookieHeaderAsync(IPage page) =>
        string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
}
