using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Sql;
using Readiness.Web.Components.Pages.Regions;

namespace Readiness.Web.Tests.Pages.Regions;

/// <summary>
/// The governor's election on a province's page: the demo's Pj Gubernur of Nusa Tenggara Barat sees the province's own
/// items (Polda, KPU Provinsi ...) listed beside the table of its regencies, and a regency's page lists none of them.
/// A real SQLite file with the demo election as it is seeded, the governors' elections included.
/// </summary>
public sealed class ProvincePageTests() : SeededPageTest(SeededPageTest.SignedInAs("pimpinan.ntb", Roles.Leader, Ntb))
{
    private const string Ntb = "52";

    private int _provinceItems;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        _provinceItems = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM ChecklistItems WHERE ElectionId = @Id AND RegionCode = @Ntb;", new { Election.Id, Ntb });
    }

    [Fact]
    public async Task The_demo_ntb_page_lists_its_own_governor_election_items_beside_its_regencies()
    {
        var cut = Render<RegionPage>(p => p.Add(x => x.Code, Ntb));

        cut.WaitForAssertion(() =>
        {
            var own = cut.Find("section[aria-labelledby='province-items-title']");
            Assert.Contains($"Butir provinsi sendiri untuk pemilihan gubernur ({_provinceItems})", own.TextContent, StringComparison.Ordinal);
            Assert.Equal(_provinceItems, own.QuerySelectorAll("tr[data-item]").Length);
            Assert.Contains("Rencana operasi Mantap Praja tingkat Polda diterbitkan", own.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("tingkat Polres", own.TextContent, StringComparison.Ordinal);
            Assert.Contains("Kota Mataram", cut.Find("section[aria-labelledby='children-title']").TextContent, StringComparison.Ordinal);
        });
        // The demo seeds the province's items itself: every province template is there, none added by hand.
        Assert.True(_provinceItems > 10, $"the demo seeded {_provinceItems} items for NTB itself");
        var admin = new Actor { Name = "admin", Role = Roles.Admin, Scopes = [] };
        Assert.Equal(0, await Get<ChecklistStore>().ApplyTemplatesAsync(admin, Election.Id, Ntb));
    }

    [Fact]
    public void A_regency_page_lists_no_province_items()
    {
        var cut = Render<RegionPage>(p => p.Add(x => x.Code, "52.71"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("section[aria-labelledby='children-title']")));
        Assert.Empty(cut.FindAll("section[aria-labelledby='province-items-title']"));
        Assert.DoesNotContain("tingkat Polda", cut.Markup, StringComparison.Ordinal);
    }
}
