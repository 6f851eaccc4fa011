namespace Readiness.Web.Hosting;

/// <summary>
/// <c>Readiness:KeyCertificate</c>: the certificate that encrypts the data-protection keys kept in the database.
/// Either a PKCS#12 file (<see cref="Path"/> and <see cref="Password"/>) or a certificate with its private key in the
/// current user's or the machine's personal store (<see cref="Thumbprint"/>). Nothing set: the keys are stored as
/// they are, and every start logs a warning.
/// </summary>
public sealed class KeyCertificateOptions
{
    /// <summary>A .pfx/.p12 file with the certificate and its private key; relative paths are from the app's folder.</summary>
    public string? Path { get; set; }

    /// <summary>The password of <see cref="Path"/>; empty for a file without one.</summary>
    public string? Password { get; set; }

    /// <summary>The SHA-1 thumbprint (hex) of a certificate in the CurrentUser or LocalMachine "My" store.</summary>
    public string? Thumbprint { get; set; }

    /// <summary>True when a file or a thumbprint is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Thumbprint);
}
