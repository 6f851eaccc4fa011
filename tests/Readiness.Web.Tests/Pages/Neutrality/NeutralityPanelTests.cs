using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Neutrality;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Neutrality;

namespace Readiness.Web.Tests.Pages.Neutrality;

/// <summary>
/// The "ASN netralitas" panel on a real SQLite file: "Belum ada pelanggaran" until a case is recorded, then the count,
/// live from the region activity feed (driven by hand); names in the brief only for a leader, never on the wall.
/// </summary>
public sealed class NeutralityPanelTests : SeededPageTest
{
    private const string Regency = "64.02";
    private const string Person = "ASN Contoh Panel";

    private static readonly Actor Bawaslu = new() { Name = "penghubung.bawaslu", Role = Roles.Liaison, AgencyCode = "BAWASLU", Scopes = [Regency] };

    private readonly RoleSignedIn _signedIn;

    // The reference data only: the regency starts without a case.
    public NeutralityPanelTests() : this(new RoleSignedIn())
    {
    }

    private NeutralityPanelTests(RoleSignedIn signedIn) : base(signedIn, demo: false) => _signedIn = signedIn;

    [Fact]
    public async Task Says_no_violation_then_counts_a_recorded_case_live_and_the_wall_never_shows_the_name()
    {
        _signedIn.Role = Roles.Screen;
        var wall = Render<NeutralityPanel>(p => p.Add(x => x.RegionCode, Regency).Add(x => x.Mode, NeutralityPanelMode.Wall));
        wall.WaitForAssertion(() => Assert.Contains("Belum ada pelanggaran", wall.Markup, StringComparison.Ordinal));

        var c = await RecordAtPpkAsync();
        Assert.True(await Get<FeedPump>().DrainActivityAsync(CancellationToken.None) > 0);

        wall.WaitForAssertion(() => Assert.Contains("1 kasus", wall.Markup, StringComparison.Ordinal));
        wall.WaitForAssertion(() => Assert.Contains("1 rekomendasi menunggu sanksi, tertua 0 hari", wall.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Belum ada pelanggaran", wall.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Person, wall.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{c.Id}", wall.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Leader, true)]
    [InlineData(Roles.Viewer, false)]
    public async Task The_brief_lists_the_cases_waiting_at_the_PPK_by_number_and_kind_with_the_name_only_for_a_leader(string role, bool named)
    {
        var c = await RecordAtPpkAsync();
        _signedIn.Role = role;

        var brief = Render<NeutralityPanel>(p => p.Add(x => x.RegionCode, Regency).Add(x => x.Mode, NeutralityPanelMode.Brief));

        brief.WaitForAssertion(() => Assert.Contains($"Kasus #{c.Id} · Hadir di kampanye", brief.Markup, StringComparison.Ordinal));
        Assert.Equal(named, brief.Markup.Contains(Person, StringComparison.Ordinal));
    }

    private async Task<NeutralityCase> RecordAtPpkAsync()
    {
        var store = Get<NeutralityStore>();
        var c = await store.RecordCaseAsync(Bawaslu, new NewNeutralityCase("64.02.06", Person, "199001012015031001", "Guru", "Dinas Pendidikan",
            NeutralityKinds.Campaign, NeutralitySources.Finding, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), "Hadir di kampanye."), Guid.NewGuid());
        foreach (var step in new[] { NeutralitySteps.Review, NeutralitySteps.ToBkn, NeutralitySteps.AtPpk })
        {
            c = await store.MoveCaseAsync(Bawaslu, new NeutralityMove(c.Id, c.Version, step, Guid.NewGuid()));
        }

        return c;
    }

    private sealed class RoleSignedIn : AuthenticationStateProvider
    {
        public string Role { get; set; } = Roles.Leader;

        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, Role == Roles.Screen ? "layar:Ruang Ops" : Role),
                new Claim(ClaimTypes.Role, Role),
                new Claim(ReadinessClaims.Scope, Regency),
            ], authenticationType: "Test", nameType: ClaimTypes.Name, roleType: ClaimTypes.Role);
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
        }
    }
}
