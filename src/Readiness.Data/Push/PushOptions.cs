namespace Readiness.Data.Push;

/// <summary>
/// The <c>Push</c> configuration section: the VAPID key pair the app signs Web Push requests with and the contact
/// the push services may write to. Without both keys the feature is off: nothing is subscribed or sent. The keys are
/// set on the server (environment or a secrets file), never in the repository.
/// </summary>
public sealed class PushOptions
{
    /// <summary>The section's name.</summary>
    public const string SectionName = "Push";

    /// <summary>The VAPID public key: the uncompressed P-256 point, base64url (87 characters), handed to browsers.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The VAPID private key: the P-256 scalar, base64url (43 characters).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Who the push services may contact about this sender: <c>mailto:</c> or an https URL.</summary>
    public string Subject { get; set; } = "mailto:admin@localhost";

    /// <summary>
    /// Allows a subscription endpoint on loopback over plain http (a push receiver of the tests). Off by default:
    /// only https endpoints on public addresses are accepted.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>True when both keys are set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(PrivateKey);
}
