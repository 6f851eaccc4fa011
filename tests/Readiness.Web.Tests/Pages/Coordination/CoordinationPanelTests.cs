using MudBlazor;
using Readiness.Data.Accounts;
using Readiness.Data.Coordination;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Web.Components.Pages.Coordination;

namespace Readiness.Web.Tests.Pages.Coordination;

/// <summary>
/// The coordination panel of the demo regency: the declarations with the void one marked, the open requests per pair
/// of agencies, and both following changes live (a new declaration through region activity, a delivered request
/// through the item feed). A real SQLite file with the demo election; the feed pump is driven by hand.
/// </summary>
public sealed class CoordinationPanelTests() : SeededPageTest(SignedInAs(TestActor.Name, Roles.Viewer, KutaiKartanegara))
{
    private const string KutaiKartanegara = "64.02";

    [Fact]
    public async Task A_viewer_sees_two_of_five_declared_with_the_void_one_marked_and_a_new_declaration_live()
    {
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Contains("2 dari 5 instansi menyatakan siap", cut.Markup, StringComparison.Ordinal));
        var police = cut.Find("li[data-declaration='POLRI']");
        Assert.Contains("declaration-void", police.ClassName, StringComparison.Ordinal);
        Assert.Contains("Batal: kendala baru sejak", police.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("AKBP", police.TextContent, StringComparison.Ordinal); // a viewer sees statuses, not names

        var bawaslu = new Actor { Name = "penghubung.bawaslu", Role = Roles.Liaison, AgencyCode = "BAWASLU", Scopes = [KutaiKartanegara] };
        var moment = await Get<DeclarationStore>().CurrentMomentAsync(Election.Id, Today());
        await Get<DeclarationStore>().DeclareAsync(bawaslu,
            new NewDeclaration(Election.Id, KutaiKartanegara, "BAWASLU", moment, "Ketua Bawaslu", "Ketua", null), Guid.NewGuid());
        Assert.Equal(1, await Get<FeedPump>().DrainActivityAsync(CancellationToken.None));

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-coord-declared]").GetAttribute("data-coord-declared")));
    }

    [Fact]
    public async Task A_delivered_request_leaves_the_open_pairs_live()
    {
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Contains("KPU → TNI: 1 terbuka", cut.Markup, StringComparison.Ordinal));
        var open = await Get<HelpRequestStore>().PendingUnderAsync(TestActor, Election.Id, KutaiKartanegara);
        var request = open.Single(r => r.FromAgencyCode == "KPU" && r.ToAgencyCode == "TNI");
        var tni = new Actor { Name = "penghubung.tni", Role = Roles.Liaison, AgencyCode = "TNI", Scopes = [KutaiKartanegara] };

        await Get<HelpRequestStore>().DeliverAsync(tni, request.Id, request.Version, Guid.NewGuid());
        await Get<FeedPump>().DrainAsync(CancellationToken.None);

        cut.WaitForAssertion(() => Assert.DoesNotContain("KPU → TNI", cut.Markup, StringComparison.Ordinal));
        Assert.Equal((open.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("[data-coord-requests]").GetAttribute("data-coord-requests"));
    }

    private static readonly Actor TestActor = new() { Name = "pemantau", Role = Roles.Viewer, Scopes = [KutaiKartanegara] };

    private IRenderedComponent<MudGrid> RenderPanel() => Render<MudGrid>(g =>
        g.AddChildContent<CoordinationPanel>(c => c
            .Add(x => x.RegionCode, KutaiKartanegara)
            .Add(x => x.ElectionId, Election.Id)
            .Add(x => x.Today, Today())
            .Add(x => x.Zone, RegionTimeZone.Wita)));

    private DateOnly Today() => RegionTimeZone.Wita.Today(TimeProvider.System);
}
