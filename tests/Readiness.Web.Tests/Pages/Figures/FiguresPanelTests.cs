using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Figures;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Figures;

namespace Readiness.Web.Tests.Pages.Figures;

/// <summary>
/// The figures panel on a real SQLite file with the demo data: the KPU liaison sets a kecamatan's TPS count and sees
/// the change in the history, a word is refused with a message, the Polri liaison gets the class fields only, a viewer
/// and a screen read without a field; and an open regency panel takes a kecamatan's new count live. The form carries
/// what the phone's queue (js/figures.js) needs to save it over plain HTTP while the circuit is down.
/// </summary>
public sealed class FiguresPanelTests() : SeededPageTest(new SignedIn("pimpinan", Roles.Leader))
{
    private const string Kecamatan = "64.02.06";
    private static readonly Actor Kpu = new() { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = [.. DemoSeeder.DemoRegions] };
    private static readonly Actor Polri = new() { Name = "penghubung.polri", Role = Roles.Liaison, AgencyCode = "POLRI", Scopes = [.. DemoSeeder.DemoRegions] };
    private static readonly Actor Viewer = new() { Name = "pemantau", Role = Roles.Viewer, Scopes = ["64.02"] };
    private static readonly Actor Admin = new() { Name = "admin", Role = Roles.Admin, UserId = -1 };
    private static readonly Actor Screen = new() { Name = "layar:posko", Role = Roles.Screen, Scopes = ["64.02"], ScreenTokenId = 1 };

    [Fact]
    public async Task The_KPU_liaison_sets_the_TPS_count_and_the_change_is_listed_with_before_and_after()
    {
        var before = (await Get<FigureStore>().ForRegionAsync(Kpu, Election.Id, Kecamatan)).Tps!.Value;
        var cut = Render(Kecamatan, Kpu);
        cut.WaitForAssertion(() => Assert.Equal(before.ToString("N0"), Value(cut, Figure.Tps)));
        Assert.Single(cut.FindAll(".figures-form")); // the TPS count only: the classes are Polri's

        cut.Find(".figures-form input").Input((before + 2).ToString());
        cut.FindAll("button").Single(b => b.TextContent.Contains("Simpan jumlah TPS", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal((before + 2).ToString("N0"), Value(cut, Figure.Tps));
            Assert.Contains($"Jumlah TPS: {before} → {before + 2}", cut.Find(".figures-history li").TextContent, StringComparison.Ordinal);
            Assert.Contains("penghubung.kpu", cut.Find(".figures-history li").TextContent, StringComparison.Ordinal);
        });
        Assert.Equal(before + 2, (await Get<FigureStore>().ForRegionAsync(Kpu, Election.Id, Kecamatan)).Tps);
    }

    [Fact]
    public async Task A_count_changed_on_another_phone_reaches_the_open_field_live()
    {
        var store = Get<FigureStore>();
        var own = await store.ForRegionAsync(Kpu, Election.Id, Kecamatan);
        var cut = Render(Kecamatan, Kpu);
        cut.WaitForAssertion(() => Assert.Equal(own.Tps!.Value.ToString(), cut.Find(".figures-form input").GetAttribute("value")));

        await store.SetTpsAsync(Kpu with { Name = "penghubung.kpu2" }, Election.Id, Kecamatan, own.Tps!.Value + 5, own.Version, Guid.NewGuid());
        await Get<FeedPump>().DrainActivityAsync(CancellationToken.None);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal((own.Tps!.Value + 5).ToString(), cut.Find(".figures-form input").GetAttribute("value"));
            Assert.Equal((own.Tps!.Value + 5).ToString("N0"), Value(cut, Figure.Tps));
        });
    }

    [Fact]
    public async Task A_word_for_the_TPS_count_is_refused_with_a_message_and_nothing_is_written()
    {
        var before = await Get<FigureStore>().ForRegionAsync(Kpu, Election.Id, Kecamatan);
        var cut = Render(Kecamatan, Kpu);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".figures-form input")));

        cut.Find(".figures-form input").Input("empat puluh");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Simpan jumlah TPS", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("Isi angka bulat dari 0 sampai 100000", cut.Find("[role='alert']").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await Get<FigureStore>().ForRegionAsync(Kpu, Election.Id, Kecamatan));
    }

    [Fact]
    public void The_Polri_liaison_gets_the_four_class_fields_and_no_TPS_count_field()
    {
        var cut = Render(Kecamatan, Polri);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".figures-form")));
        Assert.Equal(4, cut.FindAll(".figures-form input").Count);
        Assert.Contains("Simpan kelas TPS", cut.Find(".figures-form").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Simpan jumlah TPS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_form_tells_the_phones_queue_what_it_saves_and_the_version_seen_and_that_version_follows_a_change_made_elsewhere()
    {
        var store = Get<FigureStore>();
        var own = await store.ForRegionAsync(Kpu, Election.Id, Kecamatan);
        var kpu = Render(Kecamatan, Kpu);
        kpu.WaitForAssertion(() => Assert.Equal(own.Version.ToString(), kpu.Find("[data-figures-form]").GetAttribute("data-figures-version")));
        var form = kpu.Find("[data-figures-form]");
        Assert.Equal((Kecamatan, Figure.Tps, Election.Id.ToString()),
            (form.GetAttribute("data-figures-form"), form.GetAttribute("data-figures-fields"), form.GetAttribute("data-figures-election")));
        Assert.NotNull(form.QuerySelector("button[data-figures-save]"));
        var line = kpu.Find($"[data-figures-pending='{Kecamatan}']");
        Assert.Equal(("", "Menunggu sinyal · {0}", "Tersimpan · {0}"),
            (line.TextContent, line.GetAttribute("data-text-pending"), line.GetAttribute("data-text-saved")));
        Assert.StartsWith("Jumlah TPS|TPS kurang rawan|", line.GetAttribute("data-figures-labels"), StringComparison.Ordinal);

        // A save sent later from the phone's queue expects the version the page shows now, not the one it first had.
        await store.SetClassesAsync(Polri, Election.Id, Kecamatan, new TpsClasses(1, 2, 3, 4), own.Version, Guid.NewGuid());
        await Get<FeedPump>().DrainActivityAsync(CancellationToken.None);
        kpu.WaitForAssertion(() => Assert.Equal((own.Version + 1).ToString(), kpu.Find("[data-figures-form]").GetAttribute("data-figures-version")));

        var polri = Render(Kecamatan, Polri);
        polri.WaitForAssertion(() => Assert.Equal("kurang_rawan,rawan,sangat_rawan,khusus", polri.Find("[data-figures-form]").GetAttribute("data-figures-fields")));
        var viewer = Render(Kecamatan, Viewer);
        viewer.WaitForAssertion(() => Assert.NotEmpty(viewer.FindAll("[data-figure]")));
        Assert.Empty(viewer.FindAll("[data-figures-pending], [data-figures-form]"));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Screen)]
    public async Task A_viewer_and_a_screen_read_the_figures_without_a_field_to_change_them(string role)
    {
        var figures = await Get<FigureStore>().ForRegionAsync(Admin, Election.Id, Kecamatan);
        var cut = Render(Kecamatan, role == Roles.Viewer ? Viewer : Screen);

        cut.WaitForAssertion(() => Assert.Equal(figures.Tps!.Value.ToString("N0"), Value(cut, Figure.Tps)));
        Assert.Equal(figures.SangatRawan!.Value.ToString("N0"), Value(cut, Figure.SangatRawan));
        Assert.Empty(cut.FindAll("input"));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task An_open_regency_panel_shows_the_sum_and_takes_a_kecamatans_new_count_live()
    {
        var store = Get<FigureStore>();
        var sum = (await store.ForRegionAsync(Admin, Election.Id, "64.02")).Tps!.Value;
        var cut = Render("64.02", Screen);
        cut.WaitForAssertion(() => Assert.Equal(sum.ToString("N0"), Value(cut, Figure.Tps)));
        Assert.Contains("kecamatan", cut.Find("[data-figures-counted]").TextContent, StringComparison.Ordinal);

        var own = await store.ForRegionAsync(Kpu, Election.Id, Kecamatan);
        await store.SetTpsAsync(Kpu, Election.Id, Kecamatan, own.Tps!.Value + 3, own.Version, Guid.NewGuid());
        await Get<FeedPump>().DrainActivityAsync(CancellationToken.None);

        cut.WaitForAssertion(() => Assert.Equal((sum + 3).ToString("N0"), Value(cut, Figure.Tps)));
        Assert.Contains("Jumlah TPS", cut.Find(".figures-history li").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<FiguresPanel> Render(string code, Actor actor) =>
        Render<FiguresPanel>(p => p.Add(x => x.Code, code).Add(x => x.ElectionId, Election.Id).Add(x => x.Actor, actor));

    private static string Value(IRenderedComponent<FiguresPanel> cut, string figure) => cut.Find($"[data-figure='{figure}'] dd").TextContent.Trim();
}
