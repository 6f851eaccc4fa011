using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Security;

/// <summary>
/// Input that used to break a page or a session: a return address with a non-ASCII character, text far longer than
/// a field (and than the circuit's default message limit), and a shared browser after sign-out.
/// </summary>
[Collection(SecurityApp.Name)]
public sealed class BadInputJourneyTests(AppFixture fixture)
{
    [Fact]
    public async Task A_sign_in_whose_return_address_has_a_non_ASCII_character_lands_on_that_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/masuk?kembali=/tugas?cari=caf%C3%A9");
        await page.GetByLabel("Nama pengguna").FillAsync("penghubung.kpu");
        await page.GetByLabel("Kata sandi").FillAsync(AppFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/tugas\?cari=caf%C3%A9$"));
        await Expect(page.GetByLabel("Cari butir, catatan atau wilayah")).ToHaveValueAsync("café");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Forty_kilobytes_put_into_the_region_filter_keep_the_circuit_and_the_field_says_it_is_too_long()
    {
        var page = await fixture.SignedInPageAsync("pimpinan");
        await page.GotoAsync("/wilayah/64.02");
        await AppFixture.WaitForInteractiveAsync(page);
        var filter = page.GetByLabel("Cari wilayah");
        await Expect(filter).ToHaveAttributeAsync("maxlength", "100");

        // maxlength holds what a person types or pastes; a script (or an extension's paste) sets the value past it.
        await filter.EvaluateAsync("(el, text) => { el.value = text; el.dispatchEvent(new Event('input', { bubbles: true })); }",
            string.Concat(Enumerable.Repeat("Tenggarong ", 3700)));

        await Expect(page.GetByText("Teks terlalu panjang: paling banyak 100 karakter.")).ToBeVisibleAsync();
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        // Still live: the filter answers the next input at once.
        await filter.FillAsync("Tenggarong");
        await Expect(page.GetByText("Teks terlalu panjang: paling banyak 100 karakter.")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-child='64.02.06']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-child='64.02.01']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_forgets_the_unsaved_notes_kept_in_the_browser()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu");
        await page.GotoAsync("/tugas?semua=1&status=proses");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tambah butir instansi saya" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var card = page.GetByRole(AriaRole.Article).First;
        await card.GetByRole(AriaRole.Button, new() { Name = "Kendala" }).ClickAsync();
        await card.GetByRole(AriaRole.Textbox).PressSequentiallyAsync("Gudang PPK bocor saat hujan", new() { Delay = 1 });
        const string Drafts = "() => Object.keys(localStorage).filter(k => k.startsWith('readiness:draft:')).length";
        Assert.Equal(1, await page.EvaluateAsync<int>(Drafts));

        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/masuk"));

        Assert.Equal(0, await page.EvaluateAsync<int>(Drafts));
        await page.Context.CloseAsync();
    }
}
