using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Accounts;

[Collection(AccountsApp.Name)]
public sealed class AccountJourneyTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/pengguna")]
    [InlineData("/admin/layar")]
    public async Task Anonymous_visitor_is_sent_to_the_login_page(string path)
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(path);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk\\?kembali="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Liaison_lands_on_their_tasks_reaches_the_regions_but_not_the_admin_pages()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu");

        // Signing in with no page asked for lands where a liaison's work is.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tugas$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tugas saya" })).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kota Mataram" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pengguna" })).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/pengguna");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Akses ditolak" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-user]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var page = await fixture.NewPageAsync();
        for (var i = 0; i < 6; i++)
        {
            await TrySignInAsync(page, "penghubung.tni", "kata sandi yang salah");
        }

        // A wrong password says the same for a locked account as for any other: the lock is no sign that it exists.
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");

        await TrySignInAsync(page, "penghubung.tni", AppFixture.DemoPassword);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("dikunci 15 menit");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk"));
    }

    [Fact]
    public async Task Wrong_password_says_so_in_indonesian_and_logout_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        await TrySignInAsync(page, "pemantau", "bukan kata sandinya");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");

        await AppFixture.SignInAsync(page, "pemantau", AppFixture.DemoPassword);
        await AppFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk"));
    }

    [Fact]
    public async Task Screen_token_opens_one_region_read_only_and_stops_when_revoked()
    {
        var admin = await fixture.SignedInPageAsync("admin");
        await admin.GotoAsync("/admin/layar");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Buat token" })).ToBeEnabledAsync();
        await admin.GetByLabel("Nama layar").FillAsync("Posko Polres Kukar");
        await admin.GetByLabel("Kode wilayah").FillAsync("64.02");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buat token" }).ClickAsync();
        var url = await admin.Locator("#screen-url").InnerTextAsync();

        var screen = await fixture.NewPageAsync();
        await screen.GotoAsync(url);

        // The token opens its region's wall, read-only: no buttons, and no other region.
        await Expect(screen).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/layar/64\\.02$"));
        await Expect(screen.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara", Level = 1 })).ToBeVisibleAsync();
        await Expect(screen.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await screen.GotoAsync("/layar/52.71");
        await Expect(screen.GetByRole(AriaRole.Alert)).ToContainTextAsync("di luar wilayah tugas");

        var revoke = admin.Locator("[data-screen='Posko Polres Kukar']").GetByRole(AriaRole.Button, new() { Name = "Cabut" });
        await revoke.ClickAsync();

        // Asked first: cancelling changes nothing, and the screen still shows its region.
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Cabut token Posko Polres Kukar?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(revoke).ToBeVisibleAsync();
        await revoke.ClickAsync();
        await AppFixture.ConfirmAsync(admin, "Cabut");
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Token Posko Polres Kukar dicabut");

        // Another request of the screen's comes first (a health probe, a script): the page still lands on the notice.
        Assert.True((await screen.APIRequest.GetAsync("/healthz")).Ok);

        // The open circuit is re-checked (every 2 s in this test) and the screen says it was revoked.
        await Expect(screen.GetByRole(AriaRole.Heading, new() { Name = "Layar ini sudah dicabut" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await screen.GotoAsync(url);
        await Expect(screen.GetByRole(AriaRole.Heading, new() { Name = "Layar ini sudah dicabut" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_disables_a_user_whose_open_page_then_loses_access()
    {
        var admin = await fixture.SignedInPageAsync("admin");
        await admin.GotoAsync("/admin/pengguna");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Simpan" })).ToBeEnabledAsync();
        await admin.GetByLabel("Nama pengguna").FillAsync("lo.bawaslu.kukar");
        await admin.GetByLabel("Nama lengkap").FillAsync("LO Bawaslu Kukar");
        await admin.GetByLabel("Kata sandi").FillAsync("pengawasan tps kukar aman");
        await AppFixture.SelectAsync(admin, "Peran", "Penghubung");
        await AppFixture.SelectAsync(admin, "Instansi", "Bawaslu");
        await admin.GetByLabel("Wilayah tugas").FillAsync("64.02");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("lo.bawaslu.kukar dibuat");

        var liaison = await fixture.SignedInPageAsync("lo.bawaslu.kukar", "pengawasan tps kukar aman");
        await liaison.GotoAsync("/");
        await Expect(liaison.GetByRole(AriaRole.Heading, new() { Name = "Kabupaten Kutai Kartanegara" })).ToBeVisibleAsync();
        await Expect(liaison.Locator(".region-card")).ToHaveCountAsync(1);

        await admin.Locator("[data-user='lo.bawaslu.kukar']").GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Nonaktifkan lo.bawaslu.kukar?");
        await AppFixture.ConfirmAsync(admin, "Nonaktifkan");

        await Expect(liaison).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk"), new() { Timeout = 20_000 });

        // Who exists, and who is disabled, is not told to someone guessing: one message for every wrong password.
        await TrySignInAsync(liaison, "lo.bawaslu.kukar", "tebakan yang salah sekali");
        await Expect(liaison.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");
        await TrySignInAsync(liaison, "tidak.ada.orangnya", "tebakan yang salah sekali");
        await Expect(liaison.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");

        await TrySignInAsync(liaison, "lo.bawaslu.kukar", "pengawasan tps kukar aman");
        await Expect(liaison.GetByRole(AriaRole.Alert)).ToContainTextAsync("dinonaktifkan");
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseUri };

        var response = await http.GetAsync("masuk");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static async Task TrySignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
