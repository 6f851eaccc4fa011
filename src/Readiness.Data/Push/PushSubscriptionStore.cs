using System.Net;
using Dapper;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Push;

/// <summary>
/// The browsers that allowed notifications, per user. A person adds or removes only their own browser; the outbox
/// reads every browser of a notice's recipient. An endpoint is the push service's URL the server will post to, so it
/// is held to the same rule as a webhook's (<see cref="WebhookAddressPolicy"/>): https only, never an internal
/// address, except loopback http when <see cref="PushOptions.AllowLoopbackHttp"/> is set.
/// </summary>
public sealed class PushSubscriptionStore(ConnectionFactory factory, TimeProvider time, IOptions<PushOptions> options)
{
    /// <summary>The longest endpoint accepted (the push services' URLs are a few hundred characters).</summary>
    public const int MaxEndpointLength = 800;

    /// <summary>
    /// Browsers kept per person, newest first: each notice is one post per browser, so a person cannot make the server
    /// post to a thousand addresses; the oldest is forgotten when a sixth subscribes.
    /// </summary>
    public const int MaxPerUser = 5;

    /// <summary>
    /// Keeps <paramref name="endpoint"/> for the actor (a browser subscribed again, or by the next person signed in on
    /// it, is moved to them). Returns the row's id.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor is not a signed-in person (a wall screen).</exception>
    /// <exception cref="InputException">Push is off, or the endpoint or keys are refused.</exception>
    public async Task<int> SaveAsync(Actor actor, string? endpoint, string? p256dh, string? auth, string? userAgent,
        CancellationToken cancellationToken = default)
    {
        var userId = RequirePerson(actor);
        if (!options.Value.Enabled)
        {
            throw new InputException(PushInput.Off);
        }

        var uri = CheckEndpoint(endpoint, options.Value.AllowLoopbackHttp);
        if (!IsKey(p256dh, 65, first: 0x04) || !IsKey(auth, 16, first: null))
        {
            throw new InputException(PushInput.KeysInvalid);
        }

        // Stored as checked: keys without base64 padding (a padded key must not overflow its column).
        (p256dh, auth) = (p256dh!.TrimEnd('='), auth!.TrimEnd('='));
        var label = ShortAgent(userAgent);
        await using var connection = await factory.OpenAsync(cancellationToken);
        // One command: the browser's row is moved to this person with its new keys, or made. The endpoint is unique.
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition($"""
            UPDATE PushSubscriptions SET UserId = @userId, P256dh = @p256dh, Auth = @auth, UserAgent = @label, Failures = 0
            WHERE Endpoint = @endpoint;
            INSERT INTO PushSubscriptions (UserId, Endpoint, P256dh, Auth, UserAgent, CreatedAtUtc, Failures)
            SELECT @userId, @endpoint, @p256dh, @auth, @label, @now, 0
            WHERE NOT EXISTS (SELECT 1 FROM PushSubscriptions WHERE Endpoint = @endpoint);
            SELECT Id FROM PushSubscriptions WHERE Endpoint = @endpoint;
            DELETE FROM PushSubscriptions WHERE UserId = @userId AND Id NOT IN (
                SELECT Id FROM (SELECT Id FROM PushSubscriptions WHERE UserId = @userId ORDER BY CreatedAtUtc DESC, Id DESC {factory.Dialect.Top(MaxPerUser)}) AS Kept);
            """, new { userId, endpoint = uri.AbsoluteUri, p256dh, auth, label, now = Now() }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets the actor's browser at <paramref name="endpoint"/> (sign-out, or notifications turned off). True when there was one.</summary>
    public async Task<bool> RemoveAsync(Actor actor, string? endpoint, CancellationToken cancellationToken = default)
    {
        var userId = RequirePerson(actor);
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM PushSubscriptions WHERE Endpoint = @endpoint AND UserId = @userId;", new { endpoint = uri.AbsoluteUri, userId },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>How many browsers the actor has allowed notifications on.</summary>
    public async Task<int> CountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = RequirePerson(actor);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM PushSubscriptions WHERE UserId = @userId;", new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Every browser of <paramref name="userId"/>, for the outbox (no actor: the recipient was chosen by the rules).</summary>
    public async Task<IReadOnlyList<PushSubscription>> ForUserAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PushSubscription>(new CommandDefinition("""
            SELECT Id, UserId, Endpoint, P256dh, Auth, UserAgent, CreatedAtUtc, LastSuccessAtUtc, Failures
            FROM PushSubscriptions WHERE UserId = @userId ORDER BY Id;
            """, new { userId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The push service took a message for subscription <paramref name="id"/>.</summary>
    public async Task MarkSuccessAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE PushSubscriptions SET LastSuccessAtUtc = @now, Failures = 0 WHERE Id = @id;", new { now = Now(), id },
            cancellationToken: cancellationToken));
    }

    /// <summary>A send to subscription <paramref name="id"/> failed and may pass.</summary>
    public async Task MarkFailureAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE PushSubscriptions SET Failures = Failures + 1 WHERE Id = @id;", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The push service said the subscription is gone (404 or 410): it is never sent to again.</summary>
    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM PushSubscriptions WHERE Id = @id;", new { id },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The endpoint as a URL the server may post to: absolute https on a public address, or loopback http when
    /// <paramref name="allowLoopbackHttp"/>. Checked again when a send connects (after name resolution).
    /// </summary>
    /// <exception cref="InputException">Otherwise.</exception>
    public static Uri CheckEndpoint(string? endpoint, bool allowLoopbackHttp)
    {
        endpoint = endpoint?.Trim() ?? "";
        // The length is checked as stored: escaping can make an address of 800 characters several times longer.
        if (endpoint.Length is 0 or > MaxEndpointLength || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || uri.AbsoluteUri.Length > MaxEndpointLength
            || !string.IsNullOrEmpty(uri.UserInfo) || uri.Scheme is not ("https" or "http"))
        {
            throw new InputException(PushInput.EndpointInvalid);
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (allowLoopbackHttp && loopback)
        {
            return uri;
        }

        if (uri.Scheme != "https")
        {
            throw new InputException(PushInput.EndpointInvalid);
        }

        if (WebhookAddressPolicy.Refuses(uri, allowedHosts: null))
        {
            throw new InputException(PushInput.EndpointInternal, uri.Host);
        }

        return uri;
    }

    private static int RequirePerson(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId ?? throw new AccessDeniedException(AccessDeniedException.ReadOnly, $"{actor.Name} is not a person and has no notifications.");
    }

    private static bool IsKey(string? value, int length, byte? first)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            return false;
        }

        try
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(value.TrimEnd('='));
            return bytes.Length == length && (first is null || bytes[0] == first);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // A few words a person recognises their phone by, never the whole header (it identifies the device closely).
    private static string? ShortAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var os = userAgent.Contains("Android", StringComparison.Ordinal) ? "Android"
            : userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) ? "iOS"
            : userAgent.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : userAgent.Contains("Mac OS", StringComparison.Ordinal) ? "macOS"
            : userAgent.Contains("Linux", StringComparison.Ordinal) ? "Linux" : null;
        var browser = userAgent.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : userAgent.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : userAgent.Contains("Chrome/", StringComparison.Ordinal) ? "Chrome"
            : userAgent.Contains("Safari/", StringComparison.Ordinal) ? "Safari" : null;
        var label = string.Join(' ', new[] { os, browser }.Where(p => p is not null));
        return label.Length == 0 ? null : label;
    }

    private DateTime Now()
    {
        var ticks = time.GetUtcNow().UtcDateTime.Ticks;
        return new DateTime(ticks - ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
