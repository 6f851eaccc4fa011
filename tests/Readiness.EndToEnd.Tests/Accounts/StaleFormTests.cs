using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Accounts;

/// <summary>
/// A form whose antiforgery token no longer fits (another user signed in or out in another tab, or none was sent):
/// the person is told in words what happened and can sign in or out, never a bare 400 or a 500.
/// </summary>
[Collection(AccountsApp.Name)]
public sealed class StaleFormTests(AppFixture fixture)
{
    [Fact]
    public async Task A_sign_in_form_left_open_while_another_user_signed_in_in_another_tab_says_so_and_offers_sign_out()
    {
        var stale = await fixture.NewPageAsync();
        await stale.GotoAsync("/masuk");
        var other = await stale.Context.NewPageAsync();
        await AppFixture.SignInAsync(other, "penghubung.kpu", AppFixture.DemoPassword);

        await stale.GetByLabel("Nama pengguna").FillAsync("pimpinan");
        await stale.GetByLabel("Kata sandi").FillAsync(AppFixture.DemoPassword);
        await stale.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await Expect(stale.GetByRole(AriaRole.Heading, new() { Name = "Formulir ini sudah tidak berlaku" })).ToBeVisibleAsync();
        await Expect(stale.GetByText("Sekarang yang masuk di peramban ini")).ToBeVisibleAsync();
        await stale.GetByRole(AriaRole.Button, new() { Name = "Keluar dan masuk dengan akun lain" }).ClickAsync();
        await Expect(stale).ToHaveURLAsync(new Regex("/masuk"));

        // Signed out for real: the way in is open again.
        await AppFixture.SignInAsync(stale, "pimpinan", AppFixture.DemoPassword);
        await Expect(stale.GetByRole(AriaRole.Button, new() { Name = "Keluar" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_keluar_button_from_before_another_user_signed_in_says_so_and_signs_nobody_out()
    {
        var stale = await fixture.SignedInPageAsync("pimpinan");
        // The page's circuit is up with this sign-in before the cookie goes (a circuit that connected after would
        // render the page for nobody, with no Keluar to tap).
        await AppFixture.WaitForInteractiveAsync(stale);
        // Another tab of the same browser: the cookie is gone (signed out there), then another user signs in.
        await stale.Context.ClearCookiesAsync();
        var other = await stale.Context.NewPageAsync();
        await AppFixture.SignInAsync(other, "penghubung.kpu", AppFixture.DemoPassword);

        await stale.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();

        await Expect(stale.GetByRole(AriaRole.Heading, new() { Name = "Formulir ini sudah tidak berlaku" })).ToBeVisibleAsync();
        await Expect(stale.GetByRole(AriaRole.Link, new() { Name = "Lanjut sebagai akun ini" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/layar/masuk", true)]
    [InlineData("/layar/masuk", false)]
    [InlineData("/masuk", true)]
    [InlineData("/keluar", true)]
    public async Task A_form_post_without_a_token_is_sent_to_the_page_that_explains(string path, bool withForm)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.App.BaseUri };
        if (path == "/keluar")
        {
            http.DefaultRequestHeaders.Add("Cookie", await SessionSecurityTests.CookieHeaderAsync(await fixture.SignedInPageAsync("pimpinan")));
        }

        var response = await http.PostAsync(path, withForm ? new FormUrlEncodedContent([new("token", "x")]) : null);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/formulir-kedaluwarsa", response.Headers.Location?.OriginalString);
        var page = await http.GetStringAsync("/formulir-kedaluwarsa");
        Assert.Contains("Formulir ini sudah tidak berlaku", page);
    }
}
