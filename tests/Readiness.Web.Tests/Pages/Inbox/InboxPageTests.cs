using System.Security.Claims;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Data.Notifications;
using Readiness.Data.Push;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Sql;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Inbox;
using Readiness.Web.Notifications;

namespace Readiness.Web.Tests.Pages.Inbox;

/// <summary>
/// The inbox as a leader meets it on the first morning: one row per region, rule and local day with its count,
/// opened to its notices and marked read as one; the digest without a figure for yesterday; an empty inbox and a
/// failed read said in words. A real SQLite file behind the real store.
/// </summary>
public sealed class InboxPageTests : SeededPageTest
{
    private readonly ActorSignedIn _principal;
    private Actor _leader = null!;

    // 7 Dec 2026, 14:00 UTC: 22:00 WITA in Kutai Kartanegara. The reference data only, and the inbox's own services.
    public InboxPageTests() : this(new ActorSignedIn())
    {
    }

    private InboxPageTests(ActorSignedIn principal) : base(principal, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero)),
        services =>
        {
            services.AddSingleton(Options.Create(new PushOptions()));
            services.AddSingleton<NotificationText>();
        }, demo: false) => _principal = principal;

    private NotificationStore Store => Services.GetRequiredService<NotificationStore>();

    [Fact]
    public async Task Each_row_names_region_rule_day_and_count_opens_to_its_notices_and_is_marked_read_as_one()
    {
        for (var hour = 1; hour <= 12; hour++)
        {
            await NoticeAsync(1, "64.02", new DateTime(2026, 12, 7, hour, 0, 0, DateTimeKind.Utc));
        }

        await NoticeAsync(2, "64.02", new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc));

        var cut = Render<InboxPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".inbox-group").Count));
        Assert.Empty(cut.FindAll(".inbox-item"));
        var row = Row(cut, "Kendala tidak berubah 24 jam");
        Assert.Equal("Kabupaten Kutai Kartanegara · Kendala tidak berubah 24 jam · 7 Des · 12 pemberitahuan", row.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("12 belum dibaca", row.TextContent);
        Assert.Contains("Butir kritis lewat tenggat · 7 Des · 1 pemberitahuan", Row(cut, "Butir kritis lewat tenggat").TextContent);

        Button(row, "Buka").Click();
        cut.WaitForAssertion(() => Assert.Equal(12, Row(cut, "Kendala tidak berubah 24 jam").QuerySelectorAll(".group-notices .inbox-item").Length));
        Assert.Equal("true", Button(Row(cut, "Kendala tidak berubah 24 jam"), "Tutup").GetAttribute("aria-expanded"));

        Button(Row(cut, "Kendala tidak berubah 24 jam"), "Tandai dibaca").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("belum dibaca", Row(cut, "Kendala tidak berubah 24 jam").QuerySelector("h2")!.ParentElement!.TextContent));
        Assert.Equal((1, 1), (await Store.UnreadGroupCountAsync(_leader), await Store.UnreadCountAsync(_leader)));
        Assert.Contains("1 belum dibaca", Row(cut, "Butir kritis lewat tenggat").TextContent);
    }

    [Fact]
    public async Task The_digest_says_there_is_no_figure_for_yesterday_and_writes_each_agency_by_its_short_name_in_the_inbox_and_the_email()
    {
        await ExecuteAsync("""
            INSERT INTO Notifications (UserId, RuleId, Kind, DigestZone, DigestDate, Details, CreatedAtUtc)
            VALUES (@userId, 3, 'ringkasan', 'Asia/Makassar', '2026-12-07',
                    '{"zone":"Asia/Makassar","date":"2026-12-07","regionCodes":["64.02"],"newBlocked":2,"overdueCritical":1,
                      "agencies":[{"agencyCode":"BAWASLU","readyNow":3,"totalNow":10,"readyBefore":0,"totalBefore":0},
                                  {"agencyCode":"KPU","readyNow":5,"totalNow":10,"readyBefore":0,"totalBefore":8}]}', @at);
            """, new { userId = _leader.UserId, at = new DateTime(2026, 12, 6, 23, 0, 0, DateTimeKind.Utc) });

        var cut = Render<InboxPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".inbox-group")));
        Assert.Contains("Semua wilayah Anda (WITA) · Ringkasan pagi pukul 07.00 · 7 Des · 1 pemberitahuan", cut.Find(".inbox-group h2").TextContent);
        Button(cut.Find(".inbox-group"), "Buka").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".digest-table tbody tr").Count));
        var rows = cut.FindAll(".digest-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Bawaslu", "30,0% (3/10)", "belum ada"], rows[0]);
        Assert.Equal(["KPU", "50,0% (5/10)", "0,0%"], rows[1]);
        Assert.DoesNotContain("BAWASLU", cut.Find(".digest-table").TextContent);

        var email = Services.GetRequiredService<NotificationText>().Indonesia(Assert.Single(await Store.InboxAsync(_leader)));
        Assert.Contains("- Bawaslu: 30,0% siap (3 dari 10 butir), kemarin belum ada", email.Text);
        Assert.Contains("- KPU: 50,0% siap (5 dari 10 butir), kemarin 0,0%", email.Text);
        Assert.Contains("<td>Bawaslu</td>", email.Html);
        Assert.DoesNotContain("BAWASLU", email.Text + email.Html);
    }

    [Fact]
    public void An_empty_inbox_says_there_is_nothing_yet()
    {
        var cut = Render<InboxPage>();

        cut.WaitForAssertion(() => Assert.Contains("Belum ada pemberitahuan.", cut.Find(".load-state-empty").TextContent));
        Assert.Empty(cut.FindAll(".inbox-group"));
    }

    [Fact]
    public async Task A_failed_read_is_said_calmly_in_words_with_a_retry_and_no_exception_text()
    {
        await NoticeAsync(1, "64.02", new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc));
        await ExecuteAsync("ALTER TABLE Notifications RENAME TO NotificationsAway;");

        var cut = Render<InboxPage>();

        cut.WaitForAssertion(() => Assert.Contains("Pemberitahuan tidak dapat dimuat", cut.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("SQLite", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", cut.Markup);
        Assert.Empty(cut.FindAll(".load-state-loading"));

        await ExecuteAsync("ALTER TABLE NotificationsAway RENAME TO Notifications;");
        Button(cut.Find("[role=alert]"), "Coba lagi").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".inbox-group")));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    private static IElement Row(IRenderedComponent<InboxPage> cut, string rule) =>
        cut.FindAll(".inbox-group").Single(r => r.QuerySelector("h2")!.TextContent.Contains(rule, StringComparison.Ordinal));

    private static IElement Button(IElement within, string text) =>
        within.QuerySelectorAll("button").First(b => b.TextContent.Trim() == text);

    private Task NoticeAsync(int rule, string region, DateTime atUtc) => ExecuteAsync("""
        INSERT INTO Notifications (UserId, RuleId, Kind, RegionCode, AgencyCode, CreatedAtUtc)
        SELECT @userId, Id, Kind, @region, 'KPU', @atUtc FROM EscalationRules WHERE Id = @rule;
        """, new { userId = _leader.UserId, rule, region, atUtc });

    private async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var connection = await Services.GetRequiredService<ConnectionFactory>().OpenAsync())
        {
            var id = await connection.ExecuteScalarAsync<int>("""
                INSERT INTO Users (UserName, NormalizedUserName, DisplayName, Role, SecurityStamp, ConcurrencyStamp, CreatedAtUtc)
                VALUES ('pimpinan.kukar', 'PIMPINAN.KUKAR', 'Pj Bupati', 'pimpinan', 'stamp', 'stamp', '2026-12-01 00:00:00');
                SELECT last_insert_rowid();
                """);
            _leader = new Actor { Name = "pimpinan.kukar", Role = Roles.Leader, Scopes = ["64.02"], UserId = id };
        }

        _principal.Actor = _leader;
    }

    private sealed class ActorSignedIn : AuthenticationStateProvider
    {
        public Actor Actor { get; set; } = null!;

        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, Actor.Name), new Claim(ClaimTypes.Role, Actor.Role),
                new Claim(ClaimTypes.NameIdentifier, Actor.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. Actor.Scopes.Select(s => new Claim(ReadinessClaims.Scope, s)),
            ], "test", ClaimTypes.Name, ClaimTypes.Role))));
    }
}
