using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>A liaison's task list, narrowed and paged, over a real SQLite file with two regions' templates.</summary>
public sealed class TaskQueryTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly Readiness.Data.Accounts.Actor _kpu = TestDatabase.Liaison("KPU", "17.71");
    private int _election;

    private TaskQuery Tasks => _db.Get<TaskQuery>();

    [Theory]
    [InlineData("52.71", false)] // another regency, where the agency has items too
    [InlineData("52", false)] // a province above it
    [InlineData("17", true)] // the liaison's own province: wider than their scope, so the scope still applies
    [InlineData("17.7", true)] // not a code: ignored, so the scope alone applies
    [InlineData("17.71/", true)] // the range's end, typed by hand: not a code either
    public async Task Filters_never_show_an_item_out_of_scope_even_for_a_crafted_region(string region, bool seesWholeScope)
    {
        var filter = new TaskFilter { View = TaskView.All, Region = region };

        var items = await AllPagesAsync(filter);
        var groups = await Tasks.GroupsAsync(_kpu, _election, filter);
        var wholeScope = await AllPagesAsync(new TaskFilter { View = TaskView.All });

        Assert.All(items, v => Assert.True(RegionCode.IsWithin(v.Item.RegionCode, "17.71"), v.Item.RegionCode));
        Assert.All(items, v => Assert.Equal("KPU", v.Item.AgencyCode));
        Assert.Equal(seesWholeScope ? wholeScope.Count : 0, items.Count);
        Assert.Equal(items.Count, groups.Sum(g => g.Total));
        Assert.True(wholeScope.Count > TaskFilter.PageSize);
    }

    [Fact]
    public async Task A_kecamatan_filter_lists_that_kecamatan_only_and_other_roles_get_nothing()
    {
        var page = await Tasks.ListAsync(_kpu, _election, new TaskFilter { View = TaskView.All, Region = "17.71.03" });
        var leader = await Tasks.ListAsync(new Readiness.Data.Accounts.Actor { Name = "p", Role = Readiness.Data.Accounts.Roles.Leader, Scopes = ["17.71"] }, _election,
            new TaskFilter { View = TaskView.All });

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, v => Assert.Equal("17.71.03", v.Item.RegionCode));
        Assert.Equal(0, leader.Total);
        Assert.Empty(leader.Items);
    }

    [Fact]
    public async Task The_now_view_holds_what_needs_the_liaison_and_counts_the_rest()
    {
        var everything = await AllPagesAsync(new TaskFilter { View = TaskView.All });
        var stages = await _db.Elections.StagesAsync(_election);
        // An item due well after this week, in a stage not yet under way: only Kendala brings it into "now".
        var first = everything.First(v => v.Item.Status != ItemStatus.Ready && v.Item.DueDate > Today().AddDays(TaskQuery.SoonDays)
            && !stages.Single(s => s.Id == v.Item.StageId).Contains(Today()));
        Assert.DoesNotContain(await AllPagesAsync(new TaskFilter()), v => v.Item.Id == first.Item.Id);
        await _db.Checklists.ChangeStatusAsync(_kpu, new StatusChange(first.Item.Id, first.Item.Version, ItemStatus.Blocked, "Gudang bocor", Guid.NewGuid()));

        var now = await Tasks.ListAsync(_kpu, _election, new TaskFilter());
        var nowItems = await AllPagesAsync(new TaskFilter());

        Assert.Equal(everything.Count, now.Total + now.Hidden);
        Assert.True(now.Hidden > 0);
        Assert.Contains(nowItems, v => v.Item.Id == first.Item.Id);
        Assert.Equal(first.Item.Id, now.Items[0].Item.Id); // Kendala first
        Assert.All(nowItems, v =>
        {
            Assert.NotEqual(ItemStatus.Ready, v.Item.Status);
            var stage = stages.Single(s => s.Id == v.Item.StageId);
            Assert.True(v.Item.Status == ItemStatus.Blocked || v.Item.DueDate <= Today().AddDays(TaskQuery.SoonDays) || stage.Contains(Today()),
                $"{v.Item.Title} ({v.Item.Status}, {v.Item.DueDate}) does not need the liaison now");
        });
    }

    [Fact]
    public async Task Quick_find_needs_every_word_or_a_term_it_stands_for_in_the_title_note_or_region_name()
    {
        var found = await AllPagesAsync(new TaskFilter { View = TaskView.All, Text = "  LOGISTIK   teluk  " });

        Assert.NotEmpty(found);
        Assert.All(found, v =>
        {
            var text = $"{v.Item.Title} {v.Item.Note} {v.RegionName}";
            Assert.Contains(SearchVocabulary.Expand("logistik"), term => text.Contains(term, StringComparison.OrdinalIgnoreCase));
            Assert.Contains("teluk", text, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains(found, v => v.RegionName == "Teluk Segara" && v.Item.Title.StartsWith("PPK menerima logistik", StringComparison.Ordinal));
        // Logistics in the item's own words: "Kotak suara, surat suara dan formulir C tiba di seluruh TPS".
        Assert.Contains(found, v => v.RegionName == "Teluk Segara" && v.Item.Title.StartsWith("Kotak suara, surat suara", StringComparison.Ordinal));
        Assert.DoesNotContain(found, v => v.RegionName != "Teluk Segara");
        // The terms a word stands for are read in the item, never in a place's name: "anggaran" finds budget items,
        // not every item of a kecamatan whose name holds "dana".
        Assert.All(await AllPagesAsync(new TaskFilter { View = TaskView.All, Text = "anggaran" }), v =>
            Assert.Contains(SearchVocabulary.Expand("anggaran"), term => $"{v.Item.Title} {v.Item.Note}".Contains(term, StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(await AllPagesAsync(new TaskFilter { View = TaskView.All, Text = "logistik 100%_[x]" }));
        Assert.Empty(await AllPagesAsync(new TaskFilter { View = TaskView.All, Text = "' OR 1=1 --" }));
    }

    [Fact]
    public async Task Pages_hold_twenty_items_each_without_overlap_and_a_page_beyond_the_end_shows_the_last()
    {
        var first = await Tasks.ListAsync(_kpu, _election, new TaskFilter { View = TaskView.All });
        var beyond = await Tasks.ListAsync(_kpu, _election, new TaskFilter { View = TaskView.All, Page = 999 });
        var all = await AllPagesAsync(new TaskFilter { View = TaskView.All });

        Assert.Equal(TaskFilter.PageSize, first.Items.Count);
        Assert.Equal(first.Total, all.Count);
        Assert.Equal(all.Count, all.Select(v => v.Item.Id).Distinct().Count());
        Assert.Equal(first.PageCount - 1, beyond.Page);
        Assert.NotEmpty(beyond.Items);
    }

    [Fact]
    public async Task Stage_status_and_due_filters_narrow_by_the_regions_own_date()
    {
        var stage = (await _db.Elections.StagesAsync(_election)).Single(s => s.Code == "TENANG");
        var overdue = await AllPagesAsync(new TaskFilter { View = TaskView.All, Due = DueWindow.Overdue });
        var week = await AllPagesAsync(new TaskFilter { View = TaskView.All, Due = DueWindow.ThisWeek });
        var later = await AllPagesAsync(new TaskFilter { View = TaskView.All, Due = DueWindow.Later });
        var byStage = await AllPagesAsync(new TaskFilter { View = TaskView.All, StageId = stage.Id, Status = ItemStatus.NotStarted });

        Assert.All(overdue, v => Assert.True(v.IsOverdue(Today())));
        Assert.All(week, v => Assert.InRange(v.Item.DueDate, Today(), Today().AddDays(TaskQuery.SoonDays)));
        Assert.All(later, v => Assert.True(v.Item.DueDate > Today().AddDays(TaskQuery.SoonDays)));
        Assert.NotEmpty(week);
        Assert.NotEmpty(byStage);
        Assert.All(byStage, v => Assert.Equal((stage.Id, ItemStatus.NotStarted), (v.Item.StageId, v.Item.Status)));
    }

    [Fact]
    public async Task Groups_count_one_checklist_item_across_kecamatan_and_a_group_lists_its_items()
    {
        var groups = await Tasks.GroupsAsync(_kpu, _election, new TaskFilter { View = TaskView.All });
        var logistics = groups.Single(g => g.Title == "PPK menerima logistik dari gudang KPU");
        var items = await AllPagesAsync(new TaskFilter { View = TaskView.All, Group = logistics.Key });
        var one = items[0].Item;
        await _db.Checklists.ChangeStatusAsync(_kpu, new StatusChange(one.Id, one.Version, ItemStatus.Ready, null, Guid.NewGuid()));
        var after = (await Tasks.GroupsAsync(_kpu, _election, new TaskFilter { View = TaskView.All })).Single(g => g.Key == logistics.Key);

        Assert.Equal(9, logistics.Total); // Kota Bengkulu's nine kecamatan
        Assert.Equal(logistics.Total, logistics.Ready + logistics.InProgress + logistics.Blocked + logistics.NotStarted);
        Assert.Equal(9, items.Count);
        Assert.All(items, v => Assert.Equal(logistics.Title, v.Item.Title));
        Assert.Equal(logistics.Ready + 1, after.Ready);
        Assert.Equal((await AllPagesAsync(new TaskFilter { View = TaskView.All })).Count, groups.Sum(g => g.Total));
    }

    [Fact]
    public async Task Regions_are_those_in_scope_where_the_liaison_has_items()
    {
        var regions = await Tasks.RegionsAsync(_kpu, _election);

        Assert.Equal(["17.71", "17.71.01", "17.71.02", "17.71.03", "17.71.04", "17.71.05", "17.71.06", "17.71.07", "17.71.08", "17.71.09"],
            regions.Select(r => r.Code));
        Assert.Equal("Teluk Segara", regions.Single(r => r.Code == "17.71.03").Name);
    }

    private DateOnly Today() => RegionTimeZone.Wib.Today(_db.Time); // Kota Bengkulu keeps WIB

    private async Task<List<ItemView>> AllPagesAsync(TaskFilter filter)
    {
        var items = new List<ItemView>();
        for (var page = 0; ; page++)
        {
            var result = await Tasks.ListAsync(_kpu, _election, filter with { Page = page });
            items.AddRange(result.Items);
            if (page >= result.PageCount - 1)
            {
                return items;
            }
        }
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "52.71");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
