namespace Readiness.Data.Push;

/// <summary>A browser that allowed notifications for a user: where to post and the keys to encrypt to.</summary>
public sealed record PushSubscription
{
    /// <summary>The row's id.</summary>
    public int Id { get; init; }

    /// <summary>The user the browser belongs to now (the last who subscribed on it).</summary>
    public int UserId { get; init; }

    /// <summary>The push service's URL for this browser.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>The browser's P-256 public key, base64url.</summary>
    public string P256dh { get; init; } = "";

    /// <summary>The browser's 16-byte authentication secret, base64url.</summary>
    public string Auth { get; init; } = "";

    /// <summary>A short label of the browser, for telling devices apart.</summary>
    public string? UserAgent { get; init; }

    /// <summary>When it was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>When the push service last took a message for it (UTC).</summary>
    public DateTime? LastSuccessAtUtc { get; init; }

    /// <summary>Failed sends since the last success.</summary>
    public int Failures { get; init; }
}
