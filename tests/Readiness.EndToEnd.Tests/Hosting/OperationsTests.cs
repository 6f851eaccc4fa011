using System.Net;

namespace Readiness.EndToEnd.Tests.Hosting;

public sealed class OperationsTests
{
    [Fact]
    public async Task Health_is_503_while_migrations_are_pending_and_200_after_the_migrate_command()
    {
        await using var app = new AppProcess();
        await app.StartAsync(new Dictionary<string, string> { ["Database__MigrateOnStart"] = "false" }, HttpStatusCode.ServiceUnavailable);
        using var http = new HttpClient { BaseAddress = app.BaseUri };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("healthz")).StatusCode);

        var (exitCode, output) = await app.RunMigrateCommandAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("Applied migrations: 0001", output);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        Assert.Contains("Database is up to date", (await app.RunMigrateCommandAsync()).Output);
    }

    [Fact]
    public async Task First_start_on_an_empty_folder_creates_the_database_and_serves_the_demo()
    {
        await using var app = new AppProcess();

        await app.StartAsync();

        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "readiness.db")));
        using var http = new HttpClient { BaseAddress = app.BaseUri };
        var login = await http.GetStringAsync("/masuk");
        Assert.Contains("Mode demo", login);
        Assert.Matches(@"user 'admin' created with password: \S{20}", app.Log);
    }

    [Fact]
    public async Task Outside_development_the_demo_is_off_unless_set_and_then_warned_at_every_start()
    {
        await using var production = new AppProcess();
        await production.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        using var http = new HttpClient { BaseAddress = production.BaseUri };
        var login = await http.GetStringAsync("/masuk");
        Assert.DoesNotContain("Mode demo", login);
        Assert.DoesNotContain(AppFixture.DemoPassword, login);
        Assert.DoesNotContain("DEMO MODE IS ON", production.Log);

        await using var demo = new AppProcess();
        var settings = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Readiness__Demo"] = "true" };
        await demo.StartAsync(settings);
        using var demoHttp = new HttpClient { BaseAddress = demo.BaseUri };
        Assert.Contains("Mode demo", await demoHttp.GetStringAsync("/masuk"));
        Assert.Contains("DEMO MODE IS ON", demo.Log);

        await demo.StopAsync();
        await demo.StartAsync(settings);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(demo.Log, "WARNING: DEMO MODE IS ON").Count);
    }
}

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_per_address_get_429_with_a_message()
    {
        await using var app = new AppProcess();
        await app.StartAsync(new Dictionary<string, string> { ["Readiness__Accounts__SignInAttemptsPerMinute"] = "3" });
        using var http = new HttpClient { BaseAddress = app.BaseUri };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "masuk", ["Input.UserName"] = "admin", ["Input.Password"] = "tebak-tebakan-saja" });
            var response = await http.PostAsync("masuk", form);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Terlalu banyak percobaan masuk", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("masuk")).StatusCode); // reading the form is not limited
    }

    [Fact]
    public async Task Screens_have_their_own_limit_and_a_screen_over_it_gets_retry_after_and_reloads_by_itself()
    {
        await using var app = new AppProcess();
        await app.StartAsync(new Dictionary<string, string>
        {
            ["Readiness__Accounts__SignInAttemptsPerMinute"] = "1",
            ["Readiness__Accounts__ScreenOpensPerMinute"] = "3",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUri };

        // The sign-in bucket is empty...
        for (var i = 0; i < 2; i++)
        {
            await http.PostAsync("masuk", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "masuk", ["Input.UserName"] = "admin", ["Input.Password"] = "tebak-tebakan-saja" }));
        }

        var signIn = await http.PostAsync("masuk", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "masuk", ["Input.UserName"] = "admin", ["Input.Password"] = "tebak" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, signIn.StatusCode);
        Assert.True(int.Parse(signIn.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);

        // ...and screens still open (an unknown token is sent on to "revoked", but it is counted like any open).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.GetAsync("layar/masuk?token=bukan-token")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));

        var limited = await http.GetAsync("layar/masuk?token=bukan-token");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var body = await limited.Content.ReadAsStringAsync();
        Assert.Contains($"<meta http-equiv=\"refresh\" content=\"{retryAfter}\">", body);
        Assert.Contains("mencoba lagi sendiri", body);
    }
}
