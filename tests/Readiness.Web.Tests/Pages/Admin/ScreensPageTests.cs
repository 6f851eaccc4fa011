using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Web.Components.Pages.Admin;

namespace Readiness.Web.Tests.Pages.Admin;

public sealed class ScreensPageTests : AdminPageTest
{
    private ScreenTokenStore Screens => Services.GetRequiredService<ScreenTokenStore>();

    private async Task<ScreenToken> TokenAsync(string name) => (await Screens.ListAsync(AdminActor)).Single(t => t.Name == name);

    private static AngleSharp.Dom.IElement RevokeButton(IRenderedComponent<ScreensPage> page, string name) =>
        Button(page.Find($"[data-screen='{name}']"), "Cabut");

    // As a person does: type into the box, then leave it for the button.
    private static void TypeRegion(IRenderedComponent<ScreensPage> page, string text)
    {
        page.Find("#screen-region").Input(text);
        page.Find("#screen-region").Blur();
    }

    [Fact]
    public async Task Cancelling_the_revoke_dialog_leaves_the_screen_token_active()
    {
        await Screens.CreateAsync(AdminActor, "Posko Polres Kukar", "64.02");
        var page = RenderPage<ScreensPage>();
        page.WaitForElement("[data-screen='Posko Polres Kukar']");

        await page.InvokeAsync(() => RevokeButton(page, "Posko Polres Kukar").Click());
        var dialog = OpenDialog();
        Assert.Contains("Cabut token Posko Polres Kukar?", dialog.TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => Button(dialog, "Batal").Click());

        WaitFor(() => Assert.False(HasOpenDialog()));
        Assert.True((await TokenAsync("Posko Polres Kukar")).IsActive);
        Assert.NotNull(RevokeButton(page, "Posko Polres Kukar"));
        Assert.Empty(page.FindAll("[role=status]"));
    }

    [Fact]
    public async Task Confirming_the_revoke_dialog_revokes_that_token_only()
    {
        await Screens.CreateAsync(AdminActor, "Posko Polres Kukar", "64.02");
        await Screens.CreateAsync(AdminActor, "Posko Kodim Mataram", "52.71");
        var page = RenderPage<ScreensPage>();
        page.WaitForElement("[data-screen='Posko Polres Kukar']");

        await page.InvokeAsync(() => RevokeButton(page, "Posko Polres Kukar").Click());
        await page.InvokeAsync(() => Button(OpenDialog(), "Cabut").Click());

        page.WaitForAssertion(() => Assert.Contains("Token Posko Polres Kukar dicabut", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.False((await TokenAsync("Posko Polres Kukar")).IsActive);
        Assert.True((await TokenAsync("Posko Kodim Mataram")).IsActive);
        Assert.Empty(page.Find("[data-screen='Posko Polres Kukar']").QuerySelectorAll("button"));
        Assert.False(HasOpenDialog());
    }

    [Fact]
    public async Task An_empty_form_names_each_missing_field_in_indonesian_and_makes_no_token()
    {
        var page = RenderPage<ScreensPage>();
        page.WaitForElement("#screen-name");

        await page.InvokeAsync(() => Button(page.Find("form, .mud-form"), "Buat token").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Isi nama layar, misalnya tempat layar itu dipasang.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Isi kode atau nama wilayah, misalnya 64.02 atau Kutai Kartanegara.", page.Markup, StringComparison.Ordinal);
        });
        Assert.Empty(await Screens.ListAsync(AdminActor));
        Assert.Empty(page.FindAll("#screen-url"));
    }

    [Fact]
    public async Task An_unknown_region_is_refused_by_the_store_and_nothing_is_made()
    {
        var page = RenderPage<ScreensPage>();
        page.WaitForElement("#screen-name");

        page.Find("#screen-name").Change("Posko di mana");
        TypeRegion(page, "99.99");
        await page.InvokeAsync(() => Button(page.Find(".mud-form"), "Buat token").Click());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[role=alert]")));
        Assert.Empty(await Screens.ListAsync(AdminActor));
        Assert.Empty(page.FindAll("#screen-url"));
    }

    [Fact]
    public async Task A_filled_form_makes_a_token_shows_its_address_once_and_clears_without_complaint()
    {
        var page = RenderPage<ScreensPage>();
        page.WaitForElement("#screen-name");

        page.Find("#screen-name").Change("Posko Polres Kukar");
        TypeRegion(page, "64.02");
        await page.InvokeAsync(() => Button(page.Find(".mud-form"), "Buat token").Click());

        page.WaitForAssertion(() => Assert.Contains("/layar/masuk?token=", page.Find("#screen-url").TextContent, StringComparison.Ordinal));
        Assert.True((await TokenAsync("Posko Polres Kukar")).IsActive);
        Assert.Equal("", page.Find("#screen-name").GetAttribute("value") ?? "");
        Assert.DoesNotContain("Isi nama layar", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_typed_by_name_makes_the_token_for_that_region()
    {
        var page = RenderPage<ScreensPage>();
        page.WaitForElement("#screen-name");

        page.Find("#screen-name").Change("Posko Polres Kukar");
        TypeRegion(page, "Kutai Kartanegara");
        await page.InvokeAsync(() => Button(page.Find(".mud-form"), "Buat token").Click());

        page.WaitForAssertion(() => Assert.Contains("/layar/masuk?token=", page.Find("#screen-url").TextContent, StringComparison.Ordinal));
        Assert.Equal("64.02", (await TokenAsync("Posko Polres Kukar")).RegionCode);
        Assert.NotNull(Button(page.Find("#screen-url").ParentElement!, "Salin alamat"));
    }

    [Fact]
    public async Task A_name_that_is_no_region_is_marked_on_the_field_and_nothing_is_made()
    {
        var page = RenderPage<ScreensPage>();
        page.WaitForElement("#screen-name");

        page.Find("#screen-name").Change("Posko di mana");
        TypeRegion(page, "Gotham");
        await page.InvokeAsync(() => Button(page.Find(".mud-form"), "Buat token").Click());

        page.WaitForAssertion(() => Assert.Contains("Tidak ada wilayah dengan kode atau nama \"Gotham\"", page.Markup, StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll(".mud-input-error"));
        Assert.Empty(await Screens.ListAsync(AdminActor));
        Assert.Empty(page.FindAll("#screen-url"));
    }
}
