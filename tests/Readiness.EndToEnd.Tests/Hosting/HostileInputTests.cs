using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>Whatever is typed into an address bar or a link: a clear refusal or a sane default, never a 500.</summary>
[Collection(HostingApp.Name)]
public sealed class HostileInputTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0a/evil.example")]
    [InlineData("/%0d%0aSet-Cookie:%20x=y")]
    [InlineData("/%00/evil.example")]
    [InlineData("/%E3%80%82evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5cevil.example")]
    public async Task A_return_address_a_redirect_cannot_carry_goes_home(string kembali)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseUri };

        var response = await http.GetAsync($"/bahasa/en-US?kembali={kembali}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("15s")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    [InlineData("%E3%80%82")]
    public async Task A_wall_interval_that_does_not_parse_still_shows_the_wall(string interval)
    {
        var page = await fixture.SignedInPageAsync("pimpinan");

        var response = await page.GotoAsync($"/layar/64.02?interval={interval}");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara", Level = 1 })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/wilayah/52.71%0A")]
    [InlineData("/wilayah/%EF%BC%95%EF%BC%92.71")]
    [InlineData("/wilayah/52.71%0A/ringkasan")]
    [InlineData("/layar/52.71%0A")]
    [InlineData("/wilayah/52.71%0A/ekspor.csv")]
    public async Task A_malformed_region_code_in_a_page_or_export_address_gets_400(string path)
    {
        var page = await fixture.SignedInPageAsync("pimpinan");

        var response = await page.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });

        Assert.Equal(400, response.Status);
        Assert.Contains("Kode wilayah tidak sah", await response.TextAsync());
    }

    [Theory]
    [InlineData("/api/wilayah/52.71%0A/kesiapan")]
    [InlineData("/api/wilayah/%EF%BC%95%EF%BC%92.71/kesiapan")]
    [InlineData("/api/wilayah/52.71%20/kesiapan")]
    public async Task A_malformed_region_code_in_the_api_gets_400_with_a_problem(string path)
    {
        var page = await fixture.SignedInPageAsync("pimpinan");

        var response = await page.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"]);
        Assert.Equal(400, JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/tidak-ada", 404)]
    [InlineData("GET", "/api/wilayah/64.02/tidak-ada", 404)]
    [InlineData("POST", "/api/wilayah/64.02/kesiapan", 405)]
    public async Task An_unknown_api_address_or_method_gets_a_problem_never_a_redirect(string method, string path, int status)
    {
        var page = await fixture.SignedInPageAsync("pimpinan");

        var response = await page.APIRequest.FetchAsync(path, new() { Method = method, MaxRedirects = 0 });

        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"]);
        Assert.Equal(status, JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Api_answers_are_never_stored_by_a_browser_or_a_proxy()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");

        var response = await page.APIRequest.GetAsync("/api/wilayah/64.02/kesiapan");

        Assert.Equal(200, response.Status);
        Assert.Equal("no-store", response.Headers["cache-control"]);
    }
}
