using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Coordination;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Items;

namespace Readiness.Web.Tests.Pages.Items;

/// <summary>The asking agency's item page learns of another agency's answer at once and still names its own last change.</summary>
public sealed class ItemPageHelpAnswerTests : IAsyncLifetime
{
    private readonly EscalationScenario _s = new(Roles.Liaison);

    public Task InitializeAsync() => _s.ReadyAsync();

    [Fact]
    public async Task TNI_accepting_shows_on_KPU_item_page_without_a_history_line_or_last_change_by_TNI()
    {
        var list = await _s.TaskListAsync();
        var asking = await _s.ChangeAsync(list.First(i => i.Status != ItemStatus.Ready), ItemStatus.Blocked, "Perahu ke pulau tidak ada");
        var request = await _s.Get<HelpRequestStore>().AskAsync(_s.Liaison, new NewHelpRequest(asking.Id, Agency.Tni, "Perahu karet", 2, "perahu"), Guid.NewGuid());
        await _s.Get<FeedPump>().DrainAsync(CancellationToken.None);
        var page = _s.Context.Render<ItemPage>(p => p.Add(x => x.Id, asking.Id));
        page.WaitForAssertion(() => page.Find($".outgoing-request[data-request='{request.Id}'][data-request-state='{HelpRequestState.Open}']"));
        var lines = page.FindAll(".timeline-entry").Count;
        var lastChange = page.Find("article.item-card .updated-by").TextContent;

        _s.Time.Advance(TimeSpan.FromHours(1));
        var tni = new Actor { Name = "penghubung.tni", Role = Roles.Liaison, AgencyCode = Agency.Tni, Scopes = [EscalationScenario.KutaiKartanegara] };
        await _s.Get<HelpRequestStore>().AcceptAsync(tni, request.Id, request.Version, Guid.NewGuid());
        Assert.True(await _s.Get<FeedPump>().DrainAsync(CancellationToken.None) >= 1);

        page.WaitForAssertion(() => page.Find($".outgoing-request[data-request='{request.Id}'][data-request-state='{HelpRequestState.Accepted}']"));
        Assert.Equal(lines, page.FindAll(".timeline-entry").Count);
        Assert.Equal(lastChange, page.Find("article.item-card .updated-by").TextContent);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();
}
