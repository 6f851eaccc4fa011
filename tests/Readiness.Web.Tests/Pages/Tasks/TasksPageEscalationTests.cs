using AngleSharp.Dom;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>
/// The liaison sees on their task list which of their items went up to the leaders: the card says "Dieskalasi" as
/// soon as the escalation is made, on a list opened later too, and not after the item changed.
/// </summary>
public sealed class TasksPageEscalationTests : IAsyncLifetime
{
    private readonly EscalationScenario _s = new(Roles.Liaison);

    public Task InitializeAsync() => _s.ReadyAsync();

    private static IElement Card(IRenderedComponent<TasksPage> cut, long itemId) => cut.Find($"article.item-card[data-item='{itemId}']");

    [Fact]
    public async Task A_card_is_marked_escalated_live_and_on_a_fresh_list_and_loses_the_mark_when_its_item_changes()
    {
        var target = await _s.BlockAsync((await _s.TaskListAsync()).First(i => i.Status != ItemStatus.Ready));
        var list = await _s.TaskListAsync();
        Assert.Contains(target.Id, list.Select(i => i.Id));
        var cut = _s.Context.Render<TasksPage>();
        cut.WaitForAssertion(() => Card(cut, target.Id));
        Assert.Empty(cut.FindAll(".escalated-marker"));

        await _s.EscalateAsync();

        cut.WaitForAssertion(() => Assert.Equal("Dieskalasi", Card(cut, target.Id).QuerySelector(".escalated-marker .escalated-label")?.TextContent));
        var mark = Assert.Single(cut.FindAll(".escalated-marker"));
        Assert.StartsWith("Dieskalasi ke pimpinan pada ", mark.QuerySelector(".escalated-detail")!.TextContent);
        Assert.EndsWith("WITA: Kendala tidak berubah", mark.QuerySelector(".escalated-detail")!.TextContent);
        Assert.All(list.Where(i => i.Id != target.Id), i => Assert.Null(Card(cut, i.Id).QuerySelector(".escalated-marker")));

        var fresh = _s.Context.Render<TasksPage>();
        fresh.WaitForAssertion(() => Assert.NotNull(Card(fresh, target.Id).QuerySelector(".escalated-marker")));
        Assert.Single(fresh.FindAll(".escalated-marker"));

        await _s.ChangeAsync(target, ItemStatus.Blocked, "Masih menunggu perahu dari Samarinda");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".escalated-marker")));
        fresh.WaitForAssertion(() => Assert.Empty(fresh.FindAll(".escalated-marker")));
        Assert.Contains("Masih menunggu perahu", Card(cut, target.Id).TextContent);

        // Screens gone, subscriptions gone: a wall or a phone left open for days holds no handler after it closes.
        await _s.Context.DisposeComponentsAsync();
        Assert.Equal(0, _s.Get<Readiness.Data.Notifications.NotificationFeed>().SubscriberCount);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();
}
