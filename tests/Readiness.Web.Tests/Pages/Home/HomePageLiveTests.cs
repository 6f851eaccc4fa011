using System.Globalization;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Feed;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Home;
using Readiness.Web.Live;

namespace Readiness.Web.Tests.Pages.Home;

/// <summary>
/// The home page over a live circuit: it follows the feed (a published change re-renders the counts) and lets go of
/// its subscription when it goes away. The demo election on a real SQLite file (<see cref="SeededPageTest"/>).
/// </summary>
public class HomePageLiveTests() : SeededPageTest(Leader())
{
    private const string KutaiKartanegara = "64.02";

    private LiveFeed Live => Services.GetRequiredService<LiveFeed>();

    private static IElement KutaiKartanegaraCard(IRenderedComponent<HomePage> cut) =>
        cut.Find($"section.region-card[aria-labelledby='region-{KutaiKartanegara}']");

    /// <summary>The count in the card's overall "Siap" badge (the first one: the per-agency rows show only "Kendala").</summary>
    private static int ReadyCount(IRenderedComponent<HomePage> cut) =>
        int.Parse(KutaiKartanegaraCard(cut).QuerySelector("[data-status='siap'] strong")!.TextContent.Trim(),
            NumberStyles.AllowThousands, CultureInfo.GetCultureInfo(TestCulture.Indonesian));

    private IRenderedComponent<HomePage> RenderLoaded()
    {
        var cut = Render<HomePage>();
        cut.WaitForElement($"section.region-card[aria-labelledby='region-{KutaiKartanegara}']");
        Assert.Contains("Kutai Kartanegara", KutaiKartanegaraCard(cut).QuerySelector("h2")!.TextContent);
        return cut;
    }

    /// <summary>An item under Kutai Kartanegara that is not ready yet, with a liaison officer of its agency who may change it.</summary>
    private async Task<(ChecklistItem Item, Actor Liaison)> AnItemNotReadyAsync(int electionId)
    {
        var checklists = Services.GetRequiredService<ChecklistStore>();
        foreach (var agency in Agency.All)
        {
            var liaison = new Actor
            {
                Name = "penghubung." + agency.Code.ToLowerInvariant(),
                Role = Roles.Liaison,
                AgencyCode = agency.Code,
                Scopes = [KutaiKartanegara],
            };
            var item = (await checklists.ListForLiaisonAsync(liaison, electionId))
                .Select(v => v.Item)
                .FirstOrDefault(i => i.Status != ItemStatus.Ready);
            if (item is not null)
            {
                return (item, liaison);
            }
        }

        throw new InvalidOperationException("The demo seed left every Kutai Kartanegara item ready.");
    }

    [Fact]
    public async Task Home_page_counts_change_when_the_feed_publishes_a_change()
    {
        var election = await DemoElectionAsync();
        var cut = RenderLoaded();
        var before = ReadyCount(cut);
        var (item, liaison) = await AnItemNotReadyAsync(election.Id);

        var result = await Services.GetRequiredService<ChecklistStore>().ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.Ready, Note: null, Guid.NewGuid()));
        Assert.IsType<SaveResult.Saved>(result);
        Assert.Equal(1, await DrainAsync());

        cut.WaitForAssertion(() => Assert.Equal(before + 1, ReadyCount(cut)));
        // The recount came from the feed, not from a second load: still the one subscription.
        Assert.Equal(1, Live.SubscriberCount);
    }

    [Fact]
    public async Task A_change_repaints_only_the_card_of_the_region_it_moved()
    {
        var election = await DemoElectionAsync();
        var cut = RenderLoaded();
        var parts = cut.FindComponents<LivePart>();
        Assert.True(parts.Count > 1, "the demo leader needs more than one region on the home page");
        var changed = parts.Single(p => p.Find("section.region-card").GetAttribute("aria-labelledby") == $"region-{KutaiKartanegara}");
        var others = parts.Where(p => p != changed).Select(p => (Part: p, Renders: p.RenderCount)).ToList();
        var before = (Ready: ReadyCount(cut), Renders: changed.RenderCount);
        var (item, liaison) = await AnItemNotReadyAsync(election.Id);

        Assert.IsType<SaveResult.Saved>(await Services.GetRequiredService<ChecklistStore>().ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.Ready, Note: null, Guid.NewGuid())));
        Assert.Equal(1, await DrainAsync());

        cut.WaitForAssertion(() => Assert.Equal(before.Ready + 1, ReadyCount(cut)));
        Assert.True(changed.RenderCount > before.Renders);
        Assert.All(others, o => Assert.Equal(o.Renders, o.Part.RenderCount));
    }

    [Fact]
    public async Task Home_page_unsubscribes_when_disposed()
    {
        RenderLoaded();
        Assert.Equal(1, Live.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Live.SubscriberCount);
    }
}
