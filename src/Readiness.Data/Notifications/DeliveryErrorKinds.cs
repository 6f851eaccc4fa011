namespace Readiness.Data.Notifications;

/// <summary>
/// What went wrong on a delivery's last try, in a few fixed words the admin screens translate (stored in
/// <c>Deliveries.LastErrorKind</c>; the raw message stays in <c>LastError</c> for the admin to expand).
/// </summary>
public static class DeliveryErrorKinds
{
    /// <summary>No answer within the attempt timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The receiver or mail server could not be reached (connection refused, unreachable, unknown name).</summary>
    public const string Refused = "refused";

    /// <summary>The TLS handshake failed (certificate not trusted, expired, revocation list unreachable, ...).</summary>
    public const string Tls = "tls";

    /// <summary>The mail server refused the login, the sender or the recipient.</summary>
    public const string MailRefused = "mail";

    /// <summary>The webhook address is internal (loopback, private, link-local, metadata) and not allowed.</summary>
    public const string Blocked = "blocked";

    /// <summary>Delivery is not configured (no SMTP host or sender, or the user has no e-mail address).</summary>
    public const string NotConfigured = "config";

    /// <summary>Anything else.</summary>
    public const string Other = "other";

    private const string HttpPrefix = "http:";

    /// <summary>The receiver answered with HTTP status <paramref name="status"/> (e.g. <c>http:503</c>).</summary>
    public static string Http(int status) => HttpPrefix + status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The HTTP status a kind made by <see cref="Http"/> carries; null for the other kinds.</summary>
    public static int? HttpStatusOf(string? kind) =>
        kind is not null && kind.StartsWith(HttpPrefix, StringComparison.Ordinal)
        && int.TryParse(kind.AsSpan(HttpPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            ? status
            : null;
}
