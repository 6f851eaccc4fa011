using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Web.Components.Pages.Regions;
using Readiness.Web.Components.Pages.Situation;
using Readiness.Web.Components.Shared;

namespace Readiness.Web.Tests.Pages.Regions;

/// <summary>
/// A change repaints what it moved: on an open regency page a status change re-renders readiness and the latest
/// changes, and leaves the numbers (no number moved) and the situation panel (its own state) as they were rendered.
/// A real SQLite file with the demo election; the feed pump is driven by hand.
/// </summary>
public sealed class RegionPagePartsTests() : SeededPageTest(SeededPageTest.Leader())
{
    [Fact]
    public async Task A_status_change_repaints_readiness_and_the_latest_changes_and_leaves_the_other_parts()
    {
        var cut = Render<RegionPage>(p => p.Add(x => x.Code, "64.02"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-flag]")));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindComponents<SituationPanel>()));
        var chart = cut.FindComponent<AgencyReadinessChart>();
        var numbers = cut.FindComponent<NumbersPanel>();
        var situation = cut.FindComponent<SituationPanel>();
        var (chartRenders, numberRenders, situationRenders) = (chart.RenderCount, numbers.RenderCount, situation.RenderCount);

        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            SELECT Id FROM ChecklistItems WHERE ElectionId = @Id AND RegionCode = '64.02' AND AgencyCode = 'KPU'
              AND Status = 'belum' AND Unit IS NULL ORDER BY Id LIMIT 1;
            """, new { Election.Id });
        var item = (await Get<ChecklistStore>().FindAsync(id))!;
        var liaison = new Actor { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = ["64.02"] };
        Assert.IsType<SaveResult.Saved>(await Get<ChecklistStore>().ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.Ready, null, Guid.NewGuid())));
        Assert.Equal(1, await DrainAsync());

        cut.WaitForAssertion(() => Assert.Contains(item.Title, cut.Find("section[aria-labelledby='latest-title'] li").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.True(chart.RenderCount > chartRenders, "readiness moved and its chart did not repaint"));
        Assert.Equal(numberRenders, numbers.RenderCount);
        Assert.Equal(situationRenders, situation.RenderCount);
    }
}
