namespace Readiness.Data.Notifications;

/// <summary>The <c>Readiness:Notifications:Smtp</c> section: the mail server e-mails are sent through.</summary>
public sealed class SmtpOptions
{
    /// <summary>Host name or address; empty turns e-mail off.</summary>
    public string? Host { get; set; }

    /// <summary>TCP port (default 587).</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (default: upgrade after connecting, and refuse a server that cannot), <c>SslOnConnect</c>
    /// (port 465), <c>StartTlsWhenAvailable</c>, or <c>None</c> (a relay on the same host only).
    /// </summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>The sender, e.g. <c>Kesiapan Pilkada &lt;kesiapan@example.go.id&gt;</c>.</summary>
    public string? Sender { get; set; }

    /// <summary>User name for SMTP authentication; none when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for SMTP authentication.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// How the mail server's certificate revocation is checked (<c>Readiness:Notifications:Smtp:CertificateRevocation</c>):
    /// <c>Online</c> (default: fetch the revocation list or OCSP answer, and fail when it cannot be reached),
    /// <c>Offline</c> (only what the machine has cached: for an internal CA whose list the server cannot reach), or
    /// <c>None</c> (no revocation check; the certificate chain and name are still checked).
    /// </summary>
    public string CertificateRevocation { get; set; } = "Online";
}
