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
}
