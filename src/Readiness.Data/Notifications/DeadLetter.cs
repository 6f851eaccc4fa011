namespace Readiness.Data.Notifications;

/// <summary>A delivery given up after its last try, with the error of that try, for admins to read and requeue.</summary>
public sealed record DeadLetter
{
    public long Id { get; init; }

    public string Channel { get; init; } = "";

    /// <summary>The webhook's name or the e-mail address.</summary>
    public string Target { get; init; } = "";

    public string IdempotencyKey { get; init; } = "";

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public DateTime? LastAttemptAtUtc { get; init; }

    public string Kind { get; init; } = "";

    public string? ItemTitle { get; init; }

    public string UserName { get; init; } = "";
}
