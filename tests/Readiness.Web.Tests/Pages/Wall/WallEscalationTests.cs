using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Wall;

namespace Readiness.Web.Tests.Pages.Wall;

/// <summary>
/// The operations room sees a newly escalated item at once: its ticker entry and its agency's tile say
/// "Dieskalasi" (no other tile does) until the item changes.
/// </summary>
public sealed class WallEscalationTests : IAsyncLifetime
{
    private readonly EscalationScenario _s = new(Roles.Leader);

    public Task InitializeAsync() => _s.ReadyAsync();

    private IRenderedComponent<WallPage> Open()
    {
        var cut = _s.Context.Render<WallPage>(p => p.Add(x => x.Code, EscalationScenario.KutaiKartanegara));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".wall-ticker li")));
        return cut;
    }

    [Fact]
    public async Task The_ticker_entry_and_the_agency_tile_are_marked_live_and_unmarked_when_the_item_changes()
    {
        var target = await _s.BlockAsync((await _s.TaskListAsync()).First(i => i.Status != ItemStatus.Ready));
        var wall = Open();
        Assert.Contains(target.Title, wall.Find(".wall-ticker li").TextContent);
        Assert.Empty(wall.FindAll(".escalated-marker"));

        await _s.EscalateAsync();

        wall.WaitForAssertion(() => Assert.Equal("Dieskalasi",
            wall.Find(".wall-ticker li .escalated-marker .escalated-label").TextContent));
        Assert.Equal($"{target.Id}", wall.Find(".wall-ticker li").QuerySelector(".escalated-marker")!.GetAttribute("data-escalated"));
        var kpu = wall.Find("section.wall-tile[aria-label='KPU']");
        Assert.Equal("Dieskalasi", kpu.QuerySelector(".escalated-marker .escalated-label")?.TextContent);
        Assert.Equal(2, wall.FindAll(".escalated-marker").Count); // the entry and the KPU tile: no other tile
        var fresh = Open();
        fresh.WaitForAssertion(() => Assert.Equal(2, fresh.FindAll(".escalated-marker").Count));
        Assert.NotNull(fresh.Find("section.wall-tile[aria-label='KPU']").QuerySelector(".escalated-marker"));

        await _s.ChangeAsync(target, ItemStatus.Ready);

        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll(".escalated-marker")));
        fresh.WaitForAssertion(() => Assert.Empty(fresh.FindAll(".escalated-marker")));
        Assert.Contains(target.Title, wall.Find(".wall-ticker li").TextContent);

        // Screens gone, subscriptions gone: a wall or a phone left open for days holds no handler after it closes.
        await _s.Context.DisposeComponentsAsync();
        Assert.Equal(0, _s.Get<Readiness.Data.Notifications.NotificationFeed>().SubscriberCount);
    }

    [Fact]
    public async Task A_mark_shows_what_is_newly_escalated_and_goes_after_a_day_on_an_open_wall_and_on_a_fresh_one()
    {
        var target = await _s.BlockAsync((await _s.TaskListAsync()).First(i => i.Status != ItemStatus.Ready));
        await _s.EscalateAsync();
        var wall = Open();
        wall.WaitForAssertion(() => Assert.Equal(2, wall.FindAll(".escalated-marker").Count)); // the ticker entry and the KPU tile

        // A day of a wall's clock is 86,400 ticks, each one a render: wait for them all, however busy the machine.
        var aDayOfTicks = TimeSpan.FromMinutes(3);
        _s.Time.Advance(TimeSpan.FromHours(23));
        wall.WaitForAssertion(() => Assert.Equal(2, wall.FindAll(".escalated-marker").Count), aDayOfTicks);
        _s.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(2));

        // Still escalated and unchanged, but no longer new: the room is not shown every item that ever was.
        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll(".escalated-marker")), aDayOfTicks);
        var fresh = Open();
        Assert.Contains(target.Title, fresh.Find(".wall-ticker li").TextContent);
        Assert.Empty(fresh.FindAll(".escalated-marker"));
    }

    [Fact]
    public async Task A_change_of_the_last_quarter_hour_is_marked_new_and_the_mark_goes_by_itself()
    {
        var target = await _s.ChangeAsync((await _s.TaskListAsync()).First(i => i.Status == ItemStatus.NotStarted), ItemStatus.InProgress);
        var wall = Open();

        var entry = wall.Find(".wall-ticker li");
        Assert.Contains(target.Title, entry.TextContent);
        Assert.Equal("true", entry.GetAttribute("data-new"));
        Assert.Equal("BARU", entry.QuerySelector(".wall-new-mark")?.TextContent);

        _s.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(2));

        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll(".wall-ticker li[data-new]")), TimeSpan.FromMinutes(1));
        Assert.Contains(target.Title, wall.Find(".wall-ticker li").TextContent);
    }

    [Fact]
    public async Task A_ticker_entry_says_both_statuses_by_word_icon_and_colour_and_the_wall_holds_no_chip_or_bar_component()
    {
        var before = (await _s.TaskListAsync()).First(i => i.Status != ItemStatus.Ready && i.Status != ItemStatus.Blocked);
        var target = await _s.BlockAsync(before);

        var wall = Open();

        var entry = wall.Find(".wall-ticker li");
        Assert.Contains(target.Title, entry.TextContent);
        var statuses = entry.QuerySelectorAll("[data-status]").ToList();
        Assert.Equal([before.Status, ItemStatus.Blocked], statuses.Select(s => s.GetAttribute("data-status")));
        Assert.Equal("Kendala", statuses[1].TextContent.Trim());
        Assert.Contains($"status-{ItemStatus.Blocked}", statuses[1].ClassList);
        Assert.All(statuses, s => Assert.NotNull(s.QuerySelector("svg[aria-hidden=true]")));
        // Held for days: each component would cost the circuit about 5 KB of render tree.
        Assert.Empty(wall.FindComponents<Readiness.Web.Components.Shared.StatusChip>());
        Assert.Empty(wall.FindComponents<Readiness.Web.Components.Shared.ReadinessBar>());
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();
}
