using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Sql;
using Readiness.Web.Components.Pages.Admin;

namespace Readiness.Web.Tests.Pages.Admin;

/// <summary>
/// An admin applies templates to a province for the governor's election, or to a regency; a kecamatan code is refused
/// with a message in Indonesian and adds nothing.
/// </summary>
public sealed class TemplatesPageTests : AdminPageTest
{
    // As a person does: type into the box, then leave it for the button.
    private static void TypeRegion(IRenderedComponent<TemplatesPage> page, string text)
    {
        page.Find("#regency").Change(text);
        page.Find("#regency").Blur();
    }

    // The election list is read as the page starts; applying before it is chosen would apply to no election.
    private static void ElectionChosen(IRenderedComponent<TemplatesPage> page) =>
        page.WaitForAssertion(() => Assert.DoesNotContain(page.Find("#election").GetAttribute("value") ?? "", new[] { "", "0" }));

    [Fact]
    public async Task A_province_code_applies_the_governor_election_templates_to_the_province_itself()
    {
        var page = RenderPage<TemplatesPage>();
        ElectionChosen(page);

        TypeRegion(page, "64");
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Terapkan").Click());

        await using var connection = await Services.GetRequiredService<ConnectionFactory>().OpenAsync();
        var items = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems WHERE RegionCode = '64';");
        page.WaitForAssertion(() => Assert.Equal($"{items} butir ditambahkan untuk Kalimantan Timur.", page.Find("[role=status]").TextContent.Trim()));
        Assert.True(items > 10);
        Assert.Equal(items, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems;"));
    }

    [Fact]
    public async Task A_kecamatan_code_is_refused_in_indonesian_and_adds_nothing()
    {
        var page = RenderPage<TemplatesPage>();
        ElectionChosen(page);

        TypeRegion(page, "64.02.01");
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Terapkan").Click());

        page.WaitForAssertion(() => Assert.Equal("64.02.01 bukan kode provinsi atau kabupaten/kota. Contoh: 64 atau 64.02.",
            page.Find("[role=alert]").TextContent.Trim()));
        await using var connection = await Services.GetRequiredService<ConnectionFactory>().OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ChecklistItems;"));
    }
}
