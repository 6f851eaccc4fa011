using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Readiness.Bench;

namespace Readiness.EndToEnd.Tests.Hosting;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Prometheus_text_at_metrics_shows_the_feed_lag_and_delivery_after_a_change()
    {
        await using var app = new AppProcess();
        await app.StartAsync(new Dictionary<string, string> { ["Readiness__Metrics__Enabled"] = "true" });
        using var http = new HttpClient { BaseAddress = app.BaseUri };
        var before = await http.GetStringAsync("metrics");
        Assert.Contains("readiness_feed_queries_total", before);
        Assert.Contains("readiness_circuits_open", before);
        Assert.DoesNotMatch(LagLine, before); // no event applied yet: no lag to tell
        Assert.DoesNotMatch(DeliveredLine, before);

        await using (var db = new BenchDatabase(Path.Combine(app.DataDirectory, "readiness.db")))
        {
            await LiaisonSaves.SaveAsync(db, "64.02");
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var text = before;
        while (!(LagLine.IsMatch(text) && DeliveredLine.IsMatch(text)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            text = await http.GetStringAsync("metrics");
        }

        var lag = double.Parse(LagLine.Match(text).Groups["value"].Value, CultureInfo.InvariantCulture);
        Assert.True(lag >= 0, $"lag {lag}");
        // Handed to every screen after it was applied: never sooner than the lag.
        var delivered = double.Parse(DeliveredLine.Match(text).Groups["value"].Value, CultureInfo.InvariantCulture);
        Assert.True(delivered >= lag, $"delivered {delivered}, lag {lag}");
        Assert.Matches(@"(?m)^readiness_feed_events_applied_total\{[^}]*\} [1-9]", text);
    }

    [Fact]
    public async Task Metrics_are_off_by_default()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseUri };

        var response = await http.GetAsync("metrics");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("readiness_feed", await response.Content.ReadAsStringAsync());
    }

    private static readonly Regex LagLine = new(@"(?m)^readiness_feed_lag_seconds(\{[^}]*\})? (?<value>[0-9.eE+-]+)");

    private static readonly Regex DeliveredLine = new(@"(?m)^readiness_feed_delivered_seconds(\{[^}]*\})? (?<value>[0-9.eE+-]+)");
}
