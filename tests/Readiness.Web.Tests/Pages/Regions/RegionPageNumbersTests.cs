using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Web.Components.Pages.Regions;

namespace Readiness.Web.Tests.Pages.Regions;

/// <summary>
/// A leader's open regency page adds up the numbers on its kecamatan's items and follows a liaison's "38 dari 45 TPS"
/// live: the KPU sum in TPS moves by what the item moved, and equals a fresh count by the database. A real SQLite file
/// with the demo election; the feed pump is driven by hand.
/// </summary>
public sealed class RegionPageNumbersTests() : SeededPageTest(SeededPageTest.Leader())
{
    private const string KutaiKartanegara = "64.02";

    private static readonly Actor Pimpinan = new() { Name = "pimpinan", Role = Roles.Leader, Scopes = [.. DemoSeeder.DemoRegions] };

    [Fact]
    public async Task Regency_page_shows_the_kecamatan_sum_of_tps_and_follows_a_liaisons_38_of_45_live()
    {
        var cut = Render<RegionPage>(p => p.Add(x => x.Code, KutaiKartanegara));
        var before = await FreshKpuTpsAsync();
        var shownBefore = await FreshWeakestKpuTpsAsync();
        cut.WaitForAssertion(() => Assert.Equal(shownBefore, ShownKpuTps(cut)));

        await using var connection = await Get<ConnectionFactory>().OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            SELECT i.Id FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
            WHERE t.Code = 'KPU-03' AND i.ElectionId = @Id AND i.RegionCode LIKE '64.02.%' ORDER BY i.RegionCode LIMIT 1;
            """, new { Election.Id });
        var item = (await Get<ChecklistStore>().FindAsync(id))!;
        var liaison = new Actor { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = [KutaiKartanegara] };
        // The KPPS item counts per TPS: its target is the kecamatan's TPS count (the demo's figures), so only done is typed.
        Assert.True(item.TargetFixed);
        var done = Math.Min(38, item.Target!.Value - 1);
        Assert.IsType<SaveResult.Saved>(await Get<ChecklistStore>().ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.InProgress, null, Guid.NewGuid(), Done: done)));
        Assert.Equal(1, await Get<FeedPump>().DrainAsync(CancellationToken.None));

        var after = await FreshKpuTpsAsync();
        Assert.Equal(before.Done - (item.Done ?? 0) + done, after.Done);
        Assert.Equal(before.Target, after.Target);
        var shownAfter = await FreshWeakestKpuTpsAsync();
        cut.WaitForAssertion(() => Assert.Equal(shownAfter, ShownKpuTps(cut)));
        var kpps = (await Get<ReadinessStore>().NumbersAsync(Pimpinan, Election.Id, KutaiKartanegara)).ByItem.Single(s => s.TemplateItemId == item.TemplateItemId);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("section[aria-labelledby='numbers-title'] tbody tr"),
            row => row.TextContent.Contains("Anggota KPPS untuk seluruh TPS dilantik", StringComparison.Ordinal)
                   && row.QuerySelector(".number-sum")!.TextContent.Trim() == kpps.Text));
    }

    [Fact]
    public void While_it_loads_the_page_says_so_and_never_shows_a_half_read_region()
    {
        var renders = new List<string>();
        var cut = Render<RegionPage>(p => p.Add(x => x.Code, KutaiKartanegara));
        renders.Add(cut.Markup);
        cut.OnMarkupUpdated += (_, _) => renders.Add(cut.Markup);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-flag]")));

        // Either "Memuat" alone, or the whole region: never the flags beside "0 butir" (the first render after a start).
        Assert.Contains(renders, r => r.Contains("Memuat", StringComparison.Ordinal) && !r.Contains("data-flag", StringComparison.Ordinal));
        Assert.All(renders.Where(r => r.Contains("data-flag", StringComparison.Ordinal)),
            r => Assert.DoesNotContain(">0 butir", r, StringComparison.Ordinal));
        Assert.DoesNotContain("Memuat", cut.Markup, StringComparison.Ordinal);
    }

    private async Task<NumberSum> FreshKpuTpsAsync() =>
        (await Get<ReadinessStore>().NumbersAsync(Pimpinan, Election.Id, KutaiKartanegara)).ByAgency.Single(s => s.AgencyCode == "KPU" && s.Unit == "TPS");

    // The agency's line gives its least complete TPS item, never the sum over its TPS items (each TPS once per item).
    private async Task<string> FreshWeakestKpuTpsAsync() =>
        (await Get<ReadinessStore>().NumbersAsync(Pimpinan, Election.Id, KutaiKartanegara)).WeakestOf("KPU", "TPS")!.Text;

    private static string ShownKpuTps(IRenderedComponent<RegionPage> cut) =>
        cut.FindAll("section[aria-labelledby='numbers-title'] li[data-agency='KPU'] .number-sum")
            .Select(e => e.TextContent.Trim()).Single(t => t.EndsWith(" TPS", StringComparison.Ordinal));
}
