using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Web.Components.Pages.Admin;

namespace Readiness.Web.Tests.Pages.Admin;

/// <summary>The admin finds a regency by name and names its agencies' units; a name refused leaves the others saved.</summary>
public sealed class UnitsPageTests : AdminPageTest
{
    private ContactStore Contacts => Services.GetRequiredService<ContactStore>();

    private async Task<IRenderedComponent<UnitsPage>> OpenKutaiKartanegaraAsync()
    {
        var page = RenderPage<UnitsPage>();
        page.WaitForElement("#units-regency");
        page.Find("#units-regency").Input("kutai kartanegara");
        WaitFor(() => Assert.Contains(Root.FindAll(".mud-popover .mud-list-item"), i => i.TextContent.Contains("64.02", StringComparison.Ordinal)));
        await Root.InvokeAsync(() => Root.FindAll(".mud-popover .mud-list-item").First(i => i.TextContent.Contains("64.02", StringComparison.Ordinal)).Click());
        page.WaitForElement("#unit-polri");
        return page;
    }

    [Fact]
    public async Task An_admin_finds_a_regency_by_name_and_names_its_units()
    {
        await Contacts.SetAgencyUnitAsync(AdminActor, "KPU", "64.02", "KPU Kabupaten Kutai Kartanegara");
        var page = await OpenKutaiKartanegaraAsync();
        Assert.Equal("KPU Kabupaten Kutai Kartanegara", page.Find("#unit-kpu").GetAttribute("value"));
        Assert.Contains("Satuan di Kabupaten Kutai Kartanegara", page.Markup, StringComparison.Ordinal);

        page.Find("#unit-polri").Change("Polres Kutai Kartanegara");
        page.Find("#unit-tni").Change("Kodim 0906/Kukar");
        await page.InvokeAsync(() => Button(page.Find("#units-title").ParentElement!, "Simpan").Click());

        page.WaitForAssertion(() => Assert.Contains("Tersimpan: 2 nama satuan.", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        var units = await Contacts.AgencyUnitsAsync(AdminActor, "64.02");
        Assert.Equal("Polres Kutai Kartanegara", units["POLRI"]);
        Assert.Equal("Kodim 0906/Kukar", units["TNI"]);
        Assert.Equal("KPU Kabupaten Kutai Kartanegara", units["KPU"]);
        Assert.False(units.ContainsKey("PEMDA"));
    }

    [Fact]
    public async Task A_name_refused_is_marked_in_its_field_and_the_others_are_saved()
    {
        var page = await OpenKutaiKartanegaraAsync();

        page.Find("#unit-polri").Change("Polres Kutai Kartanegara");
        page.Find("#unit-tni").Change("Kodim \u202E0906");
        await page.InvokeAsync(() => Button(page.Find("#units-title").ParentElement!, "Simpan").Click());

        page.WaitForAssertion(() => Assert.Contains("Tersimpan: 1. Belum tersimpan: 1", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll(".mud-input-error"));
        var units = await Contacts.AgencyUnitsAsync(AdminActor, "64.02");
        Assert.Equal("Polres Kutai Kartanegara", units["POLRI"]);
        Assert.False(units.ContainsKey("TNI"));
    }

    [Fact]
    public async Task Only_an_admin_names_a_unit_and_the_refusal_changes_nothing()
    {
        var leader = new Actor { Name = "pimpinan", Role = Roles.Leader, Scopes = ["64.02"] };

        await Assert.ThrowsAsync<Readiness.Data.Shared.AccessDeniedException>(() => Contacts.SetAgencyUnitAsync(leader, "POLRI", "64.02", "Polres Palsu"));
        await Assert.ThrowsAsync<Readiness.Data.Shared.InputException>(() => Contacts.SetAgencyUnitAsync(AdminActor, "BPBD", "64.02", "BPBD Kukar"));
        Assert.Empty(await Contacts.AgencyUnitsAsync(AdminActor, "64.02"));
    }
}
