using Microsoft.AspNetCore.DataProtection;

namespace Readiness.Data.Notifications;

/// <summary>
/// Keeps webhook secrets encrypted at rest with ASP.NET Core data protection (the app's key ring, purpose
/// <see cref="Purpose"/>). A stored secret is <see cref="Prefix"/> plus the protected text; a row written before
/// secrets were encrypted holds the plain secret, which is read as it is and encrypted on the next write to that
/// webhook.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    /// <summary>The data protection purpose string of webhook secrets.</summary>
    public const string Purpose = "Readiness.Webhooks.Secret.v1";

    /// <summary>Marks a stored secret as encrypted.</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>The text to store for <paramref name="secret"/>.</summary>
    public string Protect(string secret) => Prefix + _protector.Protect(secret);

    /// <summary>True when <paramref name="stored"/> is already encrypted.</summary>
    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// The secret a stored value stands for: decrypted, or the value itself for a plain row written before
    /// encryption. Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the key that
    /// encrypted it is gone (the webhook must then be registered again).
    /// </summary>
    public string Unprotect(string? stored) =>
        stored is null ? "" : IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;
}
