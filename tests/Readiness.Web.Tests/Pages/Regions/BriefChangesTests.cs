using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Web.Components.Pages.Regions;

namespace Readiness.Web.Tests.Pages.Regions;

/// <summary>
/// The brief lists four of the last day's changes and says how many more there are ("dan 25 perubahan lain"), so a
/// leader reading the sheet knows the list is not all. A real SQLite file with the demo election.
/// </summary>
// The brief is a static page; its panels ask whether they render interactively.
public sealed class BriefChangesTests() : SeededPageTest(Leader(), interactive: false)
{
    private const string KutaiKartanegara = "64.02";

    [Fact]
    public async Task Thirty_changes_in_the_last_day_show_four_and_say_how_many_more()
    {
        var election = await DemoElectionAsync();
        await using (var connection = await Get<ConnectionFactory>().OpenAsync())
        {
            var ids = (await connection.QueryAsync<long>(
                "SELECT Id FROM ChecklistItems WHERE ElectionId = @Id AND AgencyCode = 'KPU' AND RegionCode LIKE '64.02.%' ORDER BY Id LIMIT 30;",
                new { election.Id })).AsList();
            var liaison = new Actor { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = [KutaiKartanegara] };
            foreach (var id in ids)
            {
                var item = (await Get<ChecklistStore>().FindAsync(id))!;
                var status = item.Status == ItemStatus.InProgress ? ItemStatus.Ready : ItemStatus.InProgress;
                Assert.IsType<SaveResult.Saved>(await Get<ChecklistStore>().ChangeStatusAsync(liaison,
                    new StatusChange(item.Id, item.Version, status, null, Guid.NewGuid())));
            }
        }

        var cut = Render<BriefPage>(p => p.Add(x => x.Code, KutaiKartanegara));

        var total = await ChangesOfTheLastDayAsync();
        Assert.True(total >= 30);
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("section[aria-labelledby='brief-changes'] li").Count));
        var more = cut.Find("[data-more-changes]");
        Assert.Equal((total - 4).ToString(System.Globalization.CultureInfo.InvariantCulture), more.GetAttribute("data-more-changes"));
        Assert.Equal($"… dan {total - 4} perubahan lain.", more.TextContent.Trim());
    }

    private async Task<int> ChangesOfTheLastDayAsync()
    {
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>(
            """
            SELECT COUNT(*) FROM ItemEvents
            WHERE RegionCode LIKE '64.02%' AND StatusBefore IS NOT NULL AND AtUtc >= @since
              -- Changes of an item by its agency: not evidence, not a target following a figure, not another agency's answer.
              AND Evidence IS NULL AND FollowsFigure = 0 AND RequestAnswered = 0;
            """,
            new { since = DateTime.UtcNow.AddHours(-24) });
    }
}
