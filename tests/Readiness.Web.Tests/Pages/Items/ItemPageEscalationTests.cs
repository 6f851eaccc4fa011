using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Items;

namespace Readiness.Web.Tests.Pages.Items;

/// <summary>The item page says "Dieskalasi" while the item is escalated and unchanged since, and only then.</summary>
public sealed class ItemPageEscalationTests : IAsyncLifetime
{
    private readonly EscalationScenario _s = new(Roles.Liaison);

    public Task InitializeAsync() => _s.ReadyAsync();

    private IRenderedComponent<ItemPage> Open(long id)
    {
        var cut = _s.Context.Render<ItemPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Contains("item-page", cut.Markup));
        cut.WaitForAssertion(() => cut.Find($"article.item-card[data-item='{id}']"));
        return cut;
    }

    [Fact]
    public async Task The_item_page_shows_the_mark_when_the_item_is_escalated_and_drops_it_when_the_item_changes()
    {
        var list = await _s.TaskListAsync();
        var target = await _s.BlockAsync(list.First(i => i.Status != ItemStatus.Ready));
        var other = list.First(i => i.Id != target.Id);
        var page = Open(target.Id);
        Assert.Empty(page.FindAll(".escalated-marker"));

        await _s.EscalateAsync();

        page.WaitForAssertion(() => Assert.Equal("Dieskalasi", page.Find(".escalated-marker .escalated-label").TextContent));
        Assert.Single(page.FindAll(".escalated-marker"));
        var fresh = Open(target.Id);
        fresh.WaitForAssertion(() => Assert.Contains("Kendala tidak berubah", fresh.Find(".escalated-marker .escalated-detail").TextContent));
        var unrelated = Open(other.Id);
        Assert.Empty(unrelated.FindAll(".escalated-marker"));

        await _s.ChangeAsync(target, ItemStatus.InProgress);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".escalated-marker")));
        fresh.WaitForAssertion(() => Assert.Empty(fresh.FindAll(".escalated-marker")));

        // Screens gone, subscriptions gone: a wall or a phone left open for days holds no handler after it closes.
        await _s.Context.DisposeComponentsAsync();
        Assert.Equal(0, _s.Get<Readiness.Data.Notifications.NotificationFeed>().SubscriberCount);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();
}
