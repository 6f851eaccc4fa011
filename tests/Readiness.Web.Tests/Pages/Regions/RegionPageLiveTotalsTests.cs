using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Web.Components.Pages.Regions;

namespace Readiness.Web.Tests.Pages.Regions;

/// <summary>
/// A leader's open region page keeps exact red-flag totals through a series of live changes, on a regency and on a
/// kecamatan: items becoming Kendala, leaving it, overdue ones set Siap, most of them beyond the flags the page lists.
/// After each change the totals the page shows equal a fresh count by <see cref="RedFlagStore"/>. A real SQLite file
/// with the demo election; the feed pump is driven by hand.
/// </summary>
public sealed partial class RegionPageLiveTotalsTests() : SeededPageTest(SeededPageTest.Leader())
{
    private const string KutaiKartanegara = "64.02";

    private static readonly Actor Pimpinan = new() { Name = "pimpinan", Role = Roles.Leader, Scopes = [.. DemoSeeder.DemoRegions] };

    [Fact]
    public async Task Regency_page_keeps_exact_red_flag_totals_through_live_changes_beyond_the_flags_it_lists()
    {
        var report = await FreshAsync(KutaiKartanegara);
        Assert.True(report.Blocked + report.Overdue + report.DueSoon > RegionState.FlagsShown,
            $"the demo regency has only {report.Blocked + report.Overdue + report.DueSoon} flags; the test needs more than the page lists");

        await FollowChangesAsync(KutaiKartanegara);
    }

    [Fact]
    public async Task Kecamatan_page_keeps_exact_red_flag_totals_through_live_changes()
    {
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        var kecamatan = await connection.ExecuteScalarAsync<string>("""
            SELECT RegionCode FROM ChecklistItems WHERE RegionCode LIKE '64.02.%' AND Status <> 'siap'
            GROUP BY RegionCode ORDER BY COUNT(*) DESC, RegionCode LIMIT 1;
            """);

        await FollowChangesAsync(kecamatan!);
    }

    [Fact]
    public async Task Red_flags_and_latest_changes_name_who_changed_an_item_not_their_login()
    {
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureDemoUsersAsync("rapat koordinasi desk pilkada", DemoSeeder.DemoRegions);
        }

        var cut = Render<RegionPage>(p => p.Add(x => x.Code, KutaiKartanegara));
        var names = AccountSeeder.DemoProfiles.Values.Select(p => p.FullName).ToList();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-flag]")));
        var flags = cut.Find("section[aria-labelledby='flags-title']").TextContent;
        Assert.DoesNotContain("oleh penghubung.", flags, StringComparison.Ordinal);
        Assert.Contains(names, flags.Contains);

        var item = (await ItemsUnderAsync(KutaiKartanegara)).First(i => i.AgencyCode == "KPU" && i.Status != ItemStatus.Blocked);
        await ChangeAsync(item, ItemStatus.Blocked);

        cut.WaitForAssertion(() =>
        {
            var latest = cut.Find("section[aria-labelledby='latest-title'] li").TextContent;
            Assert.Contains(item.Title, latest, StringComparison.Ordinal);
            Assert.Contains("Siti Rahmawati", latest, StringComparison.Ordinal);
            Assert.DoesNotContain("penghubung.kpu", latest, StringComparison.Ordinal);
        });
    }

    /// <summary>Opens the page, then makes each change through the store and checks the page against a fresh count.</summary>
    private async Task FollowChangesAsync(string code)
    {
        var cut = Render<RegionPage>(p => p.Add(x => x.Code, code));
        var opened = await FreshTotalsSync(code);
        cut.WaitForAssertion(() => Assert.Equal(opened, ShownTotals(cut)));
        var today = (await Get<RegionStore>().FindAsync(code))!.Zone.Today(TimeProvider.System);

        var steps = new (string What, Func<ChecklistItem, bool> Pick, string Status)[]
        {
            ("an overdue item, not listed, becomes Kendala", i => i.Status is ItemStatus.NotStarted or ItemStatus.InProgress && i.DueDate < today, ItemStatus.Blocked),
            ("a Kendala item, not listed, is back in progress", i => i.Status == ItemStatus.Blocked, ItemStatus.InProgress),
            ("an overdue item, not listed, is set Siap", i => i.Status is ItemStatus.NotStarted or ItemStatus.InProgress && i.DueDate < today, ItemStatus.Ready),
            ("an item not yet due becomes Kendala", i => i.Status is ItemStatus.NotStarted or ItemStatus.InProgress && i.DueDate >= today, ItemStatus.Blocked),
            ("an overdue Kendala item is set Siap", i => i.Status == ItemStatus.Blocked && i.DueDate < today, ItemStatus.Ready),
            ("a Siap item that is overdue goes back to in progress", i => i.Status == ItemStatus.Ready && i.DueDate < today, ItemStatus.InProgress),
        };

        var changed = 0;
        foreach (var (what, pick, status) in steps)
        {
            var listed = cut.FindAll("[data-flag]").Select(e => long.Parse(e.GetAttribute("data-flag")!)).ToHashSet();
            var items = await ItemsUnderAsync(code);
            var item = items.FirstOrDefault(i => pick(i) && !listed.Contains(i.Id)) ?? items.FirstOrDefault(pick);
            if (item is null)
            {
                continue;
            }

            await ChangeAsync(item, status);
            changed++;
            var expected = await FreshTotalsSync(code);
            cut.WaitForAssertion(() => Assert.True(expected == ShownTotals(cut),
                $"after {what} (item {item.Id}): the page shows {ShownTotals(cut)}, the database counts {expected}"));
        }

        Assert.True(changed >= 4, $"only {changed} of the changes found an item under {code}");
    }

    private async Task<(int Blocked, int Overdue, int DueSoon)> FreshTotalsSync(string code)
    {
        var report = await FreshAsync(code);
        return (report.Blocked, report.Overdue, report.DueSoon);
    }

    private Task<RedFlagReport> FreshAsync(string code) => Get<RedFlagStore>().ForRegionAsync(Pimpinan, Election.Id, code);

    /// <summary>The three totals above the flags, each a filter button: "51 kendala", "88 terlambat", "119 kritis …".</summary>
    private static (int Blocked, int Overdue, int DueSoon) ShownTotals(IRenderedComponent<RegionPage> cut)
    {
        int Count(string kind)
        {
            var text = cut.Find($"section[aria-labelledby='flags-title'] [data-flag-count='{kind}']").TextContent;
            return int.Parse(LeadingNumber().Match(text).Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (Count("Blocked"), Count("Overdue"), Count("DueSoon"));
    }

    [GeneratedRegex(@"^\s*[\d.]+")]
    private static partial Regex LeadingNumber();

    private async Task<IReadOnlyList<ChecklistItem>> ItemsUnderAsync(string code)
    {
        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        var ids = await connection.QueryAsync<long>(
            "SELECT Id FROM ChecklistItems WHERE ElectionId = @Id AND (RegionCode = @code OR RegionCode LIKE @prefix) ORDER BY Id;",
            new { Election.Id, code, prefix = code + ".%" });
        var items = new List<ChecklistItem>();
        foreach (var id in ids)
        {
            items.Add((await Get<ChecklistStore>().FindAsync(id))!);
        }

        return items;
    }

    /// <summary>The change a liaison of the item's agency makes, committed and read by this server's pump.</summary>
    private async Task ChangeAsync(ChecklistItem item, string status)
    {
        var liaison = new Actor
        {
            Name = "penghubung." + item.AgencyCode.ToLowerInvariant(),
            Role = Roles.Liaison,
            AgencyCode = item.AgencyCode,
            Scopes = [KutaiKartanegara],
        };
        var note = status == ItemStatus.Blocked ? "Menunggu perahu dari BPBD untuk mengantar logistik" : null;
        var result = await Get<ChecklistStore>().ChangeStatusAsync(liaison, new StatusChange(item.Id, item.Version, status, note, Guid.NewGuid()));
        Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal(1, await Get<FeedPump>().DrainAsync(CancellationToken.None));
    }
}
