using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Seed;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Neutrality;
using Readiness.Web.Components.Pages.Situation;

namespace Readiness.Web.Tests.Pages;

/// <summary>
/// Pages that read say "nothing yet" in words once they have read, never before, and a failed read calmly with a
/// retry, never as the exception: the incident log and the admin's list of reads of neutrality cases, on a real
/// SQLite file.
/// </summary>
public sealed class PageStatesTests : ComponentTest
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Principal _principal = new();

    // Set here, not in InitializeAsync: a culture set inside an async method does not flow back to the test.
    public PageStatesTests() => TestCulture.Use(TestCulture.Indonesian);

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

    public override async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddLogging();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero)));
        Services.AddReadinessData(configuration);
        Services.AddSingleton<AuthenticationStateProvider>(_principal);
        Services.AddScoped<CurrentActor>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await SeededTemplate.MigrateAndSeedAsync(Services.GetRequiredService<ConnectionFactory>(), async () =>
        {
            await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await Services.GetRequiredService<ReferenceSeeder>().SeedAsync();
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temporary folder is cleaned by the system.
        }
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
