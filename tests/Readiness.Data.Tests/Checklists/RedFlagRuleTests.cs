using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>
/// The red-flag rule has a C# form (live patching, pages) and an SQL form (the read): run over the same items at
/// the same instant, they must give every item the same verdict.
/// </summary>
public sealed class RedFlagRuleTests
{
    [Fact]
    public async Task Sql_and_csharp_rule_agree_item_by_item_on_the_demo_data()
    {
        // 2026-11-23 10:00 WIB; the demo votes four days later, so every kind of flag is present.
        using var db = new TestDatabase(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await db.ReadyAsync();
        await db.DemoSeeder().SeedAsync();
        var demo = (await db.Elections.AllAsync()).Single(e => e.IsDemo);
        var store = db.Get<RedFlagStore>();
        var kinds = new Dictionary<RedFlagKind, int>();
        var compared = 0;

        // Now, and at each zone's next midnight and the second before it.
        var now = db.Time.GetUtcNow().UtcDateTime;
        DateTime[] instants =
        [
            now,
            new(2026, 11, 23, 14, 59, 59, DateTimeKind.Utc), new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc), // WIT
            new(2026, 11, 23, 15, 59, 59, DateTimeKind.Utc), new(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), // WITA
            new(2026, 11, 23, 16, 59, 59, DateTimeKind.Utc), new(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc), // WIB
        ];
        foreach (var region in DemoSeeder.DemoRegions)
        {
            var items = await db.Checklists.ListForExportAsync(TestDatabase.Admin, demo.Id, region);
            foreach (var asOf in instants)
            {
                var sql = await store.KindsAsync(demo.Id, region, asOf);
                Assert.Equal(items.Count, sql.Count);
                foreach (var view in items)
                {
                    var csharp = RedFlagRule.Classify(view.Item.Status, view.Item.Criticality, view.Item.DueDate,
                        RedFlagRule.TodayIn(view.Zone, asOf));
                    Assert.True(csharp == sql[view.Item.Id],
                        $"Item {view.Item.Id} ({view.Item.Status}, {view.Item.Criticality}, due {view.Item.DueDate}, {view.Zone.Abbreviation}) " +
                        $"at {asOf:u}: C# says {csharp?.ToString() ?? "no flag"}, SQL says {sql[view.Item.Id]?.ToString() ?? "no flag"}");
                    if (csharp is { } kind)
                    {
                        kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                    }

                    compared++;
                }
            }
        }

        Assert.True(compared > 1000, $"only {compared} verdicts compared");
        Assert.All(Enum.GetValues<RedFlagKind>(), kind => Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind} flag in the demo data"));
    }

    [Theory]
    // 23:59:59 WIT on the 23rd, then 00:00 WIT on the 24th.
    [InlineData("91.71", "2024-11-23T14:59:59Z", "2024-11-23T15:00:00Z")]
    // 23:59:59 WIB on the 23rd, then 00:00 WIB on the 24th.
    [InlineData("17.71", "2024-11-23T16:59:59Z", "2024-11-23T17:00:00Z")]
    public async Task Edge_cases_due_today_and_in_exactly_three_days_agree_across_local_midnight(string region, string before, string after)
    {
        using var db = new TestDatabase(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await db.ReadyAsync();
        var election = (await db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        var stage = (await db.Elections.StagesAsync(election)).Single(s => s.Code == "REKAP");
        var liaison = TestDatabase.Liaison("KPU", region);
        var day = new DateOnly(2024, 11, 23); // the region's date until its midnight
        var cases = new (string Name, string Criticality, int DueIn, string Status, RedFlagKind? Before, RedFlagKind? After)[]
        {
            ("due today", Criticality.Normal, 0, ItemStatus.InProgress, null, RedFlagKind.Overdue),
            ("critical, due today", Criticality.Critical, 0, ItemStatus.NotStarted, RedFlagKind.DueSoon, RedFlagKind.Overdue),
            ("critical, due in exactly 3 days", Criticality.Critical, 3, ItemStatus.NotStarted, RedFlagKind.DueSoon, RedFlagKind.DueSoon),
            ("critical, due in 4 days", Criticality.Critical, 4, ItemStatus.InProgress, null, RedFlagKind.DueSoon),
            ("important, due in 1 day", Criticality.Important, 1, ItemStatus.NotStarted, null, null),
            ("ready, long overdue", Criticality.Critical, -5, ItemStatus.Ready, null, null),
            ("blocked, due later", Criticality.Normal, 20, ItemStatus.Blocked, RedFlagKind.Blocked, RedFlagKind.Blocked),
            ("blocked and overdue", Criticality.Critical, -1, ItemStatus.Blocked, RedFlagKind.Blocked, RedFlagKind.Blocked),
        };
        var ids = new Dictionary<long, (string Name, RedFlagKind? Before, RedFlagKind? After)>();
        foreach (var c in cases)
        {
            var item = await db.Checklists.AddItemAsync(liaison,
                new NewItem(election, region, stage.Id, c.Name, day.AddDays(c.DueIn), c.Criticality), Guid.NewGuid());
            if (c.Status != ItemStatus.NotStarted)
            {
                await db.Checklists.ChangeStatusAsync(liaison,
                    new StatusChange(item.Id, item.Version, c.Status, c.Status == ItemStatus.Blocked ? "terhambat" : null, Guid.NewGuid()));
            }

            ids[item.Id] = (c.Name, c.Before, c.After);
        }

        var zone = RegionTimeZone.ForProvince(region[..2]);
        var items = await db.Checklists.ListForExportAsync(TestDatabase.Admin, election, region);
        var store = db.Get<RedFlagStore>();
        foreach (var (instant, isAfter) in new[] { (before, false), (after, true) })
        {
            var asOf = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
            var sql = await store.KindsAsync(election, region, asOf);
            foreach (var view in items)
            {
                var expected = isAfter ? ids[view.Item.Id].After : ids[view.Item.Id].Before;
                var csharp = RedFlagRule.Classify(view.Item.Status, view.Item.Criticality, view.Item.DueDate, RedFlagRule.TodayIn(zone, asOf));
                Assert.True(expected == csharp, $"{ids[view.Item.Id].Name} at {instant}: expected {expected}, C# says {csharp}");
                Assert.True(expected == sql[view.Item.Id], $"{ids[view.Item.Id].Name} at {instant}: expected {expected}, SQL says {sql[view.Item.Id]}");
            }

            // The report's totals are the same rule, counted.
            db.Time.SetUtcNow(new DateTimeOffset(asOf));
            var report = await store.ForRegionAsync(TestDatabase.Admin, election, region);
            var expectedTotals = ids.Values.Select(v => isAfter ? v.After : v.Before).ToList();
            Assert.Equal(
                (expectedTotals.Count(k => k == RedFlagKind.Blocked), expectedTotals.Count(k => k == RedFlagKind.Overdue), expectedTotals.Count(k => k == RedFlagKind.DueSoon)),
                (report.Blocked, report.Overdue, report.DueSoon));
        }
    }

    [Fact]
    public void A_report_is_read_again_at_the_next_midnight_of_its_regions_zone()
    {
        var at = new DateTime(2024, 11, 23, 3, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2024, 11, 23, 15, 0, 0, DateTimeKind.Utc), RedFlagRule.NextDayChangeUtc("91.71", at)); // WIT
        Assert.Equal(new DateTime(2024, 11, 23, 16, 0, 0, DateTimeKind.Utc), RedFlagRule.NextDayChangeUtc("64.02.01", at)); // WITA
        Assert.Equal(new DateTime(2024, 11, 23, 17, 0, 0, DateTimeKind.Utc), RedFlagRule.NextDayChangeUtc("17.71", at)); // WIB
        Assert.Equal(new DateTime(2024, 11, 23, 15, 0, 0, DateTimeKind.Utc), RedFlagRule.NextDayChangeUtc("", at)); // the nation: WIT first
        Assert.Equal(new DateTime(2024, 11, 24, 17, 0, 0, DateTimeKind.Utc),
            RedFlagRule.NextDayChangeUtc("17.71", new DateTime(2024, 11, 23, 17, 0, 0, DateTimeKind.Utc)));
    }
}
