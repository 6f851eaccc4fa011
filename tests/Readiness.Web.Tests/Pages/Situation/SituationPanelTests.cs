using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Situation;
using Readiness.Web.Components.Pages.Situation;

namespace Readiness.Web.Tests.Pages.Situation;

/// <summary>
/// The situation panel on a real SQLite file with the demo data: the level with its reason, the AG kecamatan below,
/// the significant incident highlighted; and, live, a new incident and a raised level reach an open panel through
/// the region activity feed (the pump driven by hand), with typed text shown as text.
/// </summary>
public sealed class SituationPanelTests() : SeededPageTest(new SignedIn("pimpinan", Roles.Leader))
{
    private static readonly Actor Pimpinan = new() { Name = "pimpinan", Role = Roles.Leader, Scopes = [.. DemoSeeder.DemoRegions] };
    private static readonly Actor Polri = new() { Name = "penghubung.polri", Role = Roles.Liaison, AgencyCode = "POLRI", Scopes = [.. DemoSeeder.DemoRegions] };

    [Fact]
    public void The_panel_shows_the_level_with_its_reason_the_raised_kecamatan_and_the_significant_incident_first()
    {
        var cut = Render<SituationPanel>(p => p.Add(x => x.Code, "52.71").Add(x => x.Actor, Pimpinan));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".situation-current [data-situation='kondusif']")));
        Assert.Contains("patroli gabungan", cut.Find(".situation-current").TextContent, StringComparison.Ordinal);
        Assert.Contains("Cakranegara", cut.Find(".situation-raised").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find(".situation-raised [data-situation='ag']"));
        var first = cut.FindAll(".incident-list li")[0];
        Assert.Contains("incident-significant", first.ClassName, StringComparison.Ordinal);
        Assert.Contains("Penting", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 penting", cut.Find("[data-incident-counts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_clash_marked_significant_and_a_move_to_AG_reach_an_open_panel_live_with_typed_text_as_text()
    {
        var cut = Render<SituationPanel>(p => p.Add(x => x.Code, "52.71").Add(x => x.Actor, Pimpinan));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-incident-counts]")));
        var openBefore = (await Get<IncidentStore>().CountsAsync(Pimpinan, "52.71")).Open;

        var incidents = Get<IncidentStore>();
        var recorded = ((IncidentSaveResult.Saved)await incidents.RecordAsync(Polri, new NewIncident
        {
            RegionCode = "52.71.01", Place = "<script>alert(1)</script> TPS 09",
            OccurredAtLocal = Readiness.Data.Regions.RegionTimeZone.Wita.ToLocal(DateTime.UtcNow.AddMinutes(-10)),
            Kind = IncidentKind.Clash, Severity = IncidentSeverity.Serious, OperationId = Guid.NewGuid(),
        })).Incident;
        await incidents.MarkSignificantAsync(Polri, recorded.Id, recorded.Version, Guid.NewGuid());
        var situation = (await Get<SituationStore>().CurrentAsync(Pimpinan, "52.71"))!;
        await Get<SituationStore>().SetAsync(Polri, new SituationInput("52.71", SituationLevel.Threshold, "Bentrok di Ampenan", situation.Version, Guid.NewGuid()));
        Assert.True(await Get<FeedPump>().DrainActivityAsync(CancellationToken.None) >= 3);

        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find(".situation-current [data-situation='ag']"));
            var line = cut.Find($"[data-incident='{recorded.Id}']");
            Assert.Contains("incident-significant", line.ClassName, StringComparison.Ordinal);
            Assert.Contains("<script>alert(1)</script> TPS 09", line.TextContent, StringComparison.Ordinal);
            Assert.Empty(line.QuerySelectorAll("script"));
            Assert.StartsWith($"{openBefore + 1} kejadian terbuka (2 penting)", cut.Find("[data-incident-counts]").TextContent.Trim(), StringComparison.Ordinal);
        });
    }
}
