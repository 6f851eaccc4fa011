using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Neutrality;
using Readiness.Web.Components.Pages.Situation;

namespace Readiness.Web.Tests.Pages;

/// <summary>
/// Pages that read say "nothing yet" in words once they have read, never before, and a failed read calmly with a
/// retry, never as the exception: the incident log and the admin's list of reads of neutrality cases, on a real
/// SQLite file.
/// </summary>
public sealed class PageStatesTests : SeededPageTest
{
    private readonly Principal _principal;

    // The reference data only: nothing read yet. 7 Dec 2026, 02:00 UTC.
    public PageStatesTests() : this(new Principal())
    {
    }

    private PageStatesTests(Principal principal)
        : base(principal, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero)), demo: false) => _principal = principal;

    [Fact]
    public void An_incident_log_without_incidents_says_so_once_read_in_the_empty_state()
    {
        _principal.Role = Roles.Leader;

        var cut = Render<IncidentLogPage>(p => p.Add(x => x.Code, "64.02"));

        cut.WaitForAssertion(() => Assert.Equal("Tidak ada kejadian.", cut.Find(".load-state-empty").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task A_failed_read_of_the_incident_log_is_a_calm_alert_with_a_retry_and_the_retry_reads_again()
    {
        _principal.Role = Roles.Leader;
        await ExecuteAsync("ALTER TABLE Incidents RENAME TO IncidentsAway;");

        var cut = Render<IncidentLogPage>(p => p.Add(x => x.Code, "64.02"));

        cut.WaitForAssertion(() => Assert.Contains("Data tidak dapat dimuat", cut.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("Exception", cut.Markup);
        Assert.DoesNotContain("no such table", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(cut.FindAll(".load-state-empty"));

        await ExecuteAsync("ALTER TABLE IncidentsAway RENAME TO Incidents;");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Coba lagi").Click();
        cut.WaitForAssertion(() => Assert.Equal("Tidak ada kejadian.", cut.Find(".load-state-empty").TextContent.Trim()));
    }

    [Fact]
    public async Task The_reads_of_neutrality_cases_say_there_are_none_yet_and_a_failed_read_in_words()
    {
        _principal.Role = Roles.Admin;
        var empty = Render<NeutralityViewsPage>();
        empty.WaitForAssertion(() => Assert.Equal("Belum ada yang membuka data pribadi kasus.", empty.Find(".load-state-empty").TextContent.Trim()));

        await ExecuteAsync("ALTER TABLE NeutralityCaseViews RENAME TO NeutralityCaseViewsAway;");
        var failed = Render<NeutralityViewsPage>();
        failed.WaitForAssertion(() => Assert.Contains("Data tidak dapat dimuat", failed.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("Exception", failed.Markup);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    /// <summary>A leader over Kutai Kartanegara, or the admin, as the cookie's claims would make one.</summary>
    private sealed class Principal : AuthenticationStateProvider
    {
        public string Role { get; set; } = Roles.Leader;

        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, Role == Roles.Admin ? "admin" : "pimpinan.kukar"), new Claim(ClaimTypes.Role, Role),
                new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ReadinessClaims.Scope, "64.02"),
            ], "test", ClaimTypes.Name, ClaimTypes.Role))));
    }
}
