using System.Net;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>
/// Two servers started at the same moment on one new data folder (as two processes behind one address would be, or
/// an operator's second start): both come up, and the schema, the reference data and the first admin are made once.
/// </summary>
public sealed class StartupRaceJourneyTests : IAsyncLifetime
{
    private readonly AppProcess _first = new();
    private AppProcess _second = null!;

    public Task InitializeAsync()
    {
        _second = new AppProcess(_first.DataDirectory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_processes_started_together_on_a_fresh_folder_both_answer_healthy_and_make_the_first_admin_once()
    {
        Assert.False(Directory.Exists(_first.DataDirectory));
        var settings = new Dictionary<string, string>(AppFixture.Settings) { ["Readiness__Demo"] = "false" };

        await Task.WhenAll(_first.StartAsync(settings), _second.StartAsync(settings));

        var printed = new[] { _first.Log, _second.Log }.Count(log => log.Contains("user 'admin' created with password", StringComparison.Ordinal));
        Assert.Equal(1, printed);
        Assert.DoesNotContain("already exists", _first.Log + _second.Log, StringComparison.Ordinal);
        foreach (var app in new[] { _first, _second })
        {
            using var http = new HttpClient { BaseAddress = app.BaseUri };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        }
    }

    public async Task DisposeAsync()
    {
        await _second.StopAsync();
        await _first.DisposeAsync();
    }
}
