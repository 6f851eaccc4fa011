using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Administration;
using Readiness.Web.Components.Pages.Admin;

namespace Readiness.Web.Tests.Pages.Admin;

public sealed class UsersPageTests : AdminPageTest
{
    private const string Password = "pengawasan tps kukar aman";

    private UserAdministration Administration => Services.GetRequiredService<UserAdministration>();

    private async Task<AppUser?> UserAsync(string userName) =>
        (await Administration.ListAsync(AdminActor)).SingleOrDefault(u => u.UserName == userName);

    private Task<AppUser> CreateLiaisonAsync(string userName) =>
        Administration.CreateAsync(AdminActor, userName, "LO " + userName, Password,
            new UserAdministration.UserAccess(Roles.Liaison, "BAWASLU", ["64.02"]));

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UsersPage> page, string userName) =>
        page.Find($"[data-user='{userName}']");

    [Fact]
    public async Task Cancelling_the_disable_dialog_leaves_the_user_enabled()
    {
        await CreateLiaisonAsync("lo.bawaslu.kukar");
        var page = RenderPage<UsersPage>();
        page.WaitForElement("[data-user='lo.bawaslu.kukar']");

        await page.InvokeAsync(() => Button(Row(page, "lo.bawaslu.kukar"), "Nonaktifkan").Click());
        var dialog = OpenDialog();
        Assert.Contains("Nonaktifkan lo.bawaslu.kukar?", dialog.TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => Button(dialog, "Batal").Click());

        WaitFor(() => Assert.False(HasOpenDialog()));
        Assert.False((await UserAsync("lo.bawaslu.kukar"))!.IsDisabled);
        Assert.NotNull(Button(Row(page, "lo.bawaslu.kukar"), "Nonaktifkan"));
        Assert.Empty(page.FindAll("[role=status]"));
    }

    [Fact]
    public async Task Confirming_the_disable_dialog_disables_that_user_only()
    {
        await CreateLiaisonAsync("lo.bawaslu.kukar");
        await CreateLiaisonAsync("lo.bawaslu.mataram");
        var page = RenderPage<UsersPage>();
        page.WaitForElement("[data-user='lo.bawaslu.kukar']");

        await page.InvokeAsync(() => Button(Row(page, "lo.bawaslu.kukar"), "Nonaktifkan").Click());
        await page.InvokeAsync(() => Button(OpenDialog(), "Nonaktifkan").Click());

        page.WaitForAssertion(() => Assert.Contains("lo.bawaslu.kukar dinonaktifkan", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.True((await UserAsync("lo.bawaslu.kukar"))!.IsDisabled);
        Assert.False((await UserAsync("lo.bawaslu.mataram"))!.IsDisabled);
        Assert.NotNull(Button(Row(page, "lo.bawaslu.kukar"), "Aktifkan"));
        Assert.False(HasOpenDialog());
    }

    [Fact]
    public async Task An_empty_form_names_each_missing_field_in_indonesian_and_creates_no_one()
    {
        var before = (await Administration.ListAsync(AdminActor)).Count;
        var page = RenderPage<UsersPage>();
        page.WaitForElement("#new-username");

        await page.InvokeAsync(() => Button(page.Find(".mud-form"), "Simpan").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Isi nama pengguna, misalnya lo.kpu.kukar.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Isi nama lengkap.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Isi kata sandi.", page.Markup, StringComparison.Ordinal);
        });
        Assert.Equal(before, (await Administration.ListAsync(AdminActor)).Count);
        Assert.Empty(page.FindAll("[role=status]"));
    }

    [Fact]
    public async Task An_empty_form_says_what_is_missing_in_english_when_english_was_chosen()
    {
        TestCulture.Use(TestCulture.English);
        var before = (await Administration.ListAsync(AdminActor)).Count;
        var page = RenderPage<UsersPage>();
        page.WaitForElement("#new-username");

        await page.InvokeAsync(() => Button(page.Find(".mud-form"), "Save").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Enter a user name, for example lo.kpu.kukar.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter the full name.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter a password.", page.Markup, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Isi nama", page.Markup, StringComparison.Ordinal);
        Assert.Equal(before, (await Administration.ListAsync(AdminActor)).Count);
    }

    [Fact]
    public async Task A_liaison_without_an_agency_is_refused_by_the_service_and_not_created()
    {
        var page = RenderPage<UsersPage>();
        page.WaitForElement("#new-username");

        page.Find("#new-username").Change("lo.tanpa.instansi");
        page.Find("#new-displayname").Change("LO tanpa instansi");
        page.Find("#new-password").Change(Password);
        page.Find("#scopes").Change("64.02");
        // The role is a MudSelect; its value is set as a pick would set it.
        var role = page.FindComponents<MudBlazor.MudSelect<string>>().First();
        await page.InvokeAsync(() => role.Instance.SelectOption(Roles.Liaison));
        await page.InvokeAsync(() => Button(page.Find(".mud-form"), "Simpan").Click());

        page.WaitForAssertion(() => Assert.Contains("Penghubung wajib memilih instansi.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Null(await UserAsync("lo.tanpa.instansi"));
    }

    [Fact]
    public async Task A_short_password_in_the_reset_dialog_is_refused_there_and_the_old_one_still_works()
    {
        var user = await CreateLiaisonAsync("lo.bawaslu.kukar");
        var page = RenderPage<UsersPage>();
        page.WaitForElement("[data-user='lo.bawaslu.kukar']");

        await page.InvokeAsync(() => Button(Row(page, "lo.bawaslu.kukar"), "Atur ulang kata sandi").Click());
        Root.FindComponent<MudBlazor.MudDialogProvider>().Find("#reset-password").Change("pendek");
        await page.InvokeAsync(() => Button(OpenDialog(), "Simpan").Click());

        WaitFor(() => Assert.Contains("kata sandi", OpenDialog().QuerySelector("[role=alert]")!.TextContent, StringComparison.OrdinalIgnoreCase));
        var users = Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!, Password));
    }
}
