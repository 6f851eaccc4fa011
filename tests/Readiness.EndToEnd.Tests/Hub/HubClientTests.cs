using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Readiness.Bench;
using Readiness.Data.Accounts;
using Readiness.EndToEnd.Tests.Hosting;
using ReadinessClient;

namespace Readiness.EndToEnd.Tests.Hub;

/// <summary>
/// The hub from .NET, against the app on a real port: the README's client (<c>docs/dotnet-client</c>) with a screen
/// token, and a client with a signed-in user's cookie. Saves are a liaison's, made on the app's own SQLite file.
/// </summary>
[Collection(HubApp.Name)]
public sealed class HubClientTests(AppFixture fixture)
{
    private const string KutaiKartanegara = "64.02";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private string DatabasePath => Path.Combine(fixture.App.DataDirectory, "readiness.db");

    [Fact]
    public async Task Sign_in_cookie_and_screen_token_both_connect_and_get_item_changed_after_a_liaisons_save()
    {
        await using var db = new BenchDatabase(DatabasePath);
        var secret = await ScreenTokenAsync(db, "Posko hub .NET");
        var byToken = new ConcurrentQueue<ReadinessListener.ItemChange>();
        await using var tokenClient = await ReadinessListener.ListenAsync(fixture.App.BaseUri, secret, KutaiKartanegara, byToken.Enqueue);
        var byCookie = new ConcurrentQueue<ReadinessListener.ItemChange>();
        await using var cookieClient = await CookieClientAsync("pimpinan");
        cookieClient.On<ReadinessListener.ItemChange>("itemChanged", byCookie.Enqueue);
        await cookieClient.InvokeAsync("JoinRegion", KutaiKartanegara);

        var saved = await LiaisonSaves.SaveAsync(db, KutaiKartanegara);

        foreach (var received in new[] { byToken, byCookie })
        {
            var change = await ForAsync(received, saved.ItemId);
            Assert.Equal(saved.Title, change.Title);
            Assert.Equal(saved.RegionCode, change.RegionCode);
            Assert.True(change.RegionCode == KutaiKartanegara || change.RegionCode.StartsWith(KutaiKartanegara + ".", StringComparison.Ordinal));
            Assert.Equal(saved.StatusAfter, change.StatusAfter);
            Assert.NotEqual(saved.StatusAfter, change.StatusBefore);
            Assert.Equal(saved.Actor, change.Actor);
            Assert.False(string.IsNullOrEmpty(change.RegionName));
            Assert.Equal(DateTimeKind.Utc, change.AtUtc.Kind);
        }
    }

    [Fact]
    public async Task A_kamtibmas_change_reaches_a_joined_client_as_activity_with_the_level_and_without_the_reason()
    {
        var received = new ConcurrentQueue<System.Text.Json.JsonElement>();
        await using var client = await CookieClientAsync("pimpinan");
        client.On<System.Text.Json.JsonElement>("activity", received.Enqueue);
        await client.InvokeAsync("JoinRegion", KutaiKartanegara);
        var kecamatan = KutaiKartanegara + ".05";
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

        // As the store writes it: the level, and the activity row in the same transaction (another process, as a second server would).
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var transaction = connection.BeginTransaction();
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO SituationLevels (RegionCode, Level, Reason, UpdatedBy, UpdatedAtUtc) VALUES ($r, 'ag', 'Bentrok dua kubu di Muara Kaman', 'penghubung.polri', $t)
                ON CONFLICT (RegionCode) DO UPDATE SET Level = 'ag', Reason = excluded.Reason, Version = Version + 1;
                INSERT INTO RegionActivity (RegionCode, Kind, SubjectId, Actor, AtUtc, OperationId) VALUES ($r, 'kamtibmas', NULL, 'penghubung.polri', $t, $op);
                """;
            command.Parameters.AddWithValue("$r", kecamatan);
            command.Parameters.AddWithValue("$t", now);
            command.Parameters.AddWithValue("$op", Guid.NewGuid().ToString("D"));
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var deadline = DateTime.UtcNow + Wait;
        System.Text.Json.JsonElement? message = null;
        while (message is null && DateTime.UtcNow < deadline)
        {
            message = received.Cast<System.Text.Json.JsonElement?>().FirstOrDefault(m => m!.Value.GetProperty("regionCode").GetString() == kecamatan);
            await Task.Delay(50);
        }

        Assert.NotNull(message);
        Assert.Equal("kamtibmas", message.Value.GetProperty("kind").GetString());
        Assert.Equal("ag", message.Value.GetProperty("level").GetString());
        Assert.DoesNotContain("Bentrok", message.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_join_outside_the_callers_scope_is_refused_with_a_clear_message()
    {
        await using var db = new BenchDatabase(DatabasePath);
        await using var client = await ReadinessListener.ListenAsync(fixture.App.BaseUri, await ScreenTokenAsync(db, "Posko luar"), KutaiKartanegara, _ => { });

        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("JoinRegion", "11.01"));

        Assert.Contains("Wilayah ini di luar wilayah tugas Anda", refused.Message);
        Assert.Contains("outside your scope", refused.Message);
        await client.InvokeAsync("JoinRegion", KutaiKartanegara + ".05"); // the connection stays usable inside its scope
    }

    [Fact]
    public async Task Joins_beyond_ten_a_minute_on_one_connection_are_refused()
    {
        await using var db = new BenchDatabase(DatabasePath);
        await using var client = await ReadinessListener.ListenAsync(fixture.App.BaseUri, await ScreenTokenAsync(db, "Posko cepat"), KutaiKartanegara, _ => { });
        for (var i = 1; i < 10; i++)
        {
            await client.InvokeAsync("JoinRegion", KutaiKartanegara); // with the join in ListenAsync: ten in all
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("JoinRegion", KutaiKartanegara));

        Assert.Contains("Terlalu sering bergabung", refused.Message);
    }

    private static async Task<string> ScreenTokenAsync(BenchDatabase db, string name) =>
        (await db.Get<ScreenTokenStore>().CreateAsync(BenchDatabase.Admin, name, KutaiKartanegara)).Secret;

    /// <summary>A hub connection carrying the sign-in cookie a browser got from the login form.</summary>
    private async Task<HubConnection> CookieClientAsync(string userName)
    {
        var page = await fixture.SignedInPageAsync(userName);
        var cookies = new CookieContainer();
        foreach (var cookie in await page.Context.CookiesAsync())
        {
            cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        await page.Context.CloseAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.App.BaseUri, "hubs/readiness"), o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    internal static async Task<ReadinessListener.ItemChange> ForAsync(ConcurrentQueue<ReadinessListener.ItemChange> received, long itemId)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (received.FirstOrDefault(c => c.ItemId == itemId) is { } change)
            {
                return change;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No itemChanged for item {itemId} within {Wait.TotalSeconds} s; received {received.Count}.");
    }
}
