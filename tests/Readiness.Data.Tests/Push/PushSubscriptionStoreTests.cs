using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Push;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Push;

/// <summary>
/// A person's browsers that allowed notices, on a real SQLite file: a person adds and removes only their own, a
/// browser subscribed by the next person on it moves to them, and nothing is kept while push is off or for a screen.
/// </summary>
public sealed class PushSubscriptionStoreTests : IAsyncLifetime
{
    private const string Endpoint = "https://fcm.googleapis.com/fcm/send/abc:def";
    private const string P256dh = "BHkY9EVoGfjlDqEL5pbA0ZJUoz4SHSl8KL5oSmlIsgJ7QFvLNHb6DbBwW1uomOu8Ge2d6Wrs4hqlAjMlZYfvEZg";
    private const string Auth = "q1xLkOGDKV7uZ0pJvmXh_A";

    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero), settings: new Dictionary<string, string?>
    {
        ["Push:PublicKey"] = P256dh,
        ["Push:PrivateKey"] = "MFRsRZtQexlTGAZWNKStLHk95V5aQ1714ZG7WkECoAA",
    });

    private PushSubscriptionStore Store => _db.Get<PushSubscriptionStore>();

    private static Actor Person(int id, string name) => new() { Name = name, Role = Roles.Liaison, AgencyCode = "KPU", Scopes = ["64.02"], UserId = id };

    [Fact]
    public async Task A_browser_subscribed_again_by_the_next_person_on_it_is_theirs_alone()
    {
        var (first, second) = (Person(1, "penghubung.kpu"), Person(2, "penghubung.polri"));

        var id = await Store.SaveAsync(first, Endpoint, P256dh, Auth, "Mozilla/5.0 (Linux; Android 14) AppleWebKit Chrome/140.0 Mobile Safari/537.36");
        Assert.Equal(id, await Store.SaveAsync(second, Endpoint, P256dh, Auth, null));

        Assert.Empty(await Store.ForUserAsync(1));
        var kept = Assert.Single(await Store.ForUserAsync(2));
        Assert.Equal((Endpoint, P256dh, Auth), (kept.Endpoint, kept.P256dh, kept.Auth));
    }

    [Fact]
    public async Task A_person_keeps_at_most_five_browsers_stored_as_checked_and_an_address_too_long_once_escaped_is_refused()
    {
        var person = Person(1, "penghubung.kpu");
        for (var i = 0; i < PushSubscriptionStore.MaxPerUser + 3; i++)
        {
            _db.Time.Advance(TimeSpan.FromMinutes(1));
            await Store.SaveAsync(person, $"{Endpoint}{i}", P256dh, Auth + "==========", null);
        }

        var kept = await Store.ForUserAsync(1);
        Assert.Equal(PushSubscriptionStore.MaxPerUser, kept.Count);
        Assert.DoesNotContain(kept, k => k.Endpoint == $"{Endpoint}0"); // the oldest went first
        Assert.Contains(kept, k => k.Endpoint == $"{Endpoint}{PushSubscriptionStore.MaxPerUser + 2}");
        Assert.All(kept, k => Assert.Equal(Auth, k.Auth)); // the padding a browser may add is not stored

        var escaped = "https://fcm.googleapis.com/fcm/send/" + new string('é', 700);
        var refused = await Assert.ThrowsAsync<InputException>(() => Store.SaveAsync(person, escaped, P256dh, Auth, null));
        Assert.Equal(PushInput.EndpointInvalid, refused.Key);
    }

    [Fact]
    public async Task A_person_removes_only_their_own_browser()
    {
        await Store.SaveAsync(Person(1, "penghubung.kpu"), Endpoint, P256dh, Auth, "Mozilla/5.0 (Linux; Android 14) Chrome/140.0");

        Assert.False(await Store.RemoveAsync(Person(2, "penghubung.polri"), Endpoint));
        Assert.Equal(1, await Store.CountAsync(Person(1, "penghubung.kpu")));
        Assert.Equal("Android Chrome", Assert.Single(await Store.ForUserAsync(1)).UserAgent);
        Assert.True(await Store.RemoveAsync(Person(1, "penghubung.kpu"), Endpoint));
        Assert.Equal(0, await Store.CountAsync(Person(1, "penghubung.kpu")));
    }

    [Fact]
    public async Task A_wall_screen_has_no_notices_to_allow()
    {
        var screen = new Actor { Name = "layar:posko", Role = Roles.Viewer, Scopes = ["64.02"], ScreenTokenId = 3 };

        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.SaveAsync(screen, Endpoint, P256dh, Auth, null));
    }

    [Fact]
    public async Task Nothing_is_kept_while_push_is_off_on_the_server()
    {
        using var off = new TestDatabase(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await off.ReadyAsync();

        var refused = await Assert.ThrowsAsync<InputException>(() => off.Get<PushSubscriptionStore>().SaveAsync(Person(1, "penghubung.kpu"), Endpoint, P256dh, Auth, null));

        Assert.Equal(PushInput.Off, refused.Key);
    }

    [Fact]
    public async Task The_outbox_forgets_a_browser_its_push_service_says_is_gone_and_counts_failures_until_a_success()
    {
        var id = await Store.SaveAsync(Person(1, "penghubung.kpu"), Endpoint, P256dh, Auth, null);

        await Store.MarkFailureAsync(id);
        await Store.MarkFailureAsync(id);
        Assert.Equal(2, Assert.Single(await Store.ForUserAsync(1)).Failures);
        await Store.MarkSuccessAsync(id);
        var kept = Assert.Single(await Store.ForUserAsync(1));
        Assert.Equal((0, true), (kept.Failures, kept.LastSuccessAtUtc is not null));
        await Store.DeleteAsync(id);
        Assert.Empty(await Store.ForUserAsync(1));
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        await using var connection = await _db.Factory.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, Role, AgencyCode, SecurityStamp, ConcurrencyStamp, CreatedAtUtc)
            VALUES (1, 'penghubung.kpu', 'PENGHUBUNG.KPU', 'KPU', 'penghubung', 'KPU', 's', 'c', '2024-11-23 03:00:00.000'),
                   (2, 'penghubung.polri', 'PENGHUBUNG.POLRI', 'Polri', 'penghubung', 'POLRI', 's', 'c', '2024-11-23 03:00:00.000');
            """);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
