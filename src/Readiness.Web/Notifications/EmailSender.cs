using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Readiness.Data.Notifications;

namespace Readiness.Web.Notifications;

/// <summary>
/// Sends a notification as an e-mail over SMTP with MailKit: Indonesian, plain text plus a simple HTML part, a link
/// to the item. The delivery's idempotency key is the Message-Id, so a resent copy is recognisably the same mail.
/// </summary>
public sealed class EmailSender(IOptions<NotificationOptions> options, NotificationText text)
{
    /// <summary>The message for <paramref name="work"/>.</summary>
    public MimeMessage Compose(DeliveryWork work)
    {
        var smtp = options.Value.Smtp;
        var message = text.Indonesia(work.Notification);
        var mail = new MimeMessage();
        var sender = MailboxAddress.Parse(smtp.Sender ?? "");
        mail.From.Add(sender);
        mail.To.Add(new MailboxAddress(work.DisplayName, work.Email ?? ""));
        mail.Subject = message.Subject;
        var domain = sender.Domain;
        mail.MessageId = $"{work.IdempotencyKey}@{(string.IsNullOrEmpty(domain) ? "readiness" : domain)}";
        mail.Headers.Add("X-Readiness-Idempotency-Key", work.IdempotencyKey);
        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mail;
    }

    /// <summary>One try: connects, authenticates when configured, sends, disconnects.</summary>
    public async Task SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!options.Value.EmailEnabled)
        {
            throw new DeliveryFailedException("E-mail is not configured (Readiness:Notifications:Smtp:Host and Sender).", permanent: true,
                kind: DeliveryErrorKinds.NotConfigured);
        }

        if (string.IsNullOrWhiteSpace(work.Email))
        {
            throw new DeliveryFailedException($"{work.UserName} has no e-mail address.", permanent: true, kind: DeliveryErrorKinds.NotConfigured);
        }

        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        using var client = new SmtpClient();
        ApplyRevocation(client, smtp.CertificateRevocation);
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(Compose(work), cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex) when (ex.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600 && ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            throw new DeliveryFailedException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: true, ex, kind: DeliveryErrorKinds.MailRefused);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
                                       or AuthenticationException or SslHandshakeException)
        {
            var kind = ex switch
            {
                SslHandshakeException => DeliveryErrorKinds.Tls,
                SmtpCommandException or AuthenticationException => DeliveryErrorKinds.MailRefused,
                System.Net.Sockets.SocketException => DeliveryErrorKinds.Refused,
                _ => DeliveryErrorKinds.Other,
            };
            throw new DeliveryFailedException($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}", permanent: false, ex, kind: kind);
        }
    }

    /// <summary>
    /// Sets how the mail server certificate's revocation is checked from <see cref="SmtpOptions.CertificateRevocation"/>:
    /// <c>Online</c> (MailKit's default, <see cref="SmtpClient.CheckCertificateRevocation"/> on), <c>Offline</c>
    /// (the chain is built from what the machine has cached, no list is fetched) or <c>None</c> (no revocation
    /// check). The chain and the host name are always checked.
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is none of the three.</exception>
    public static void ApplyRevocation(SmtpClient client, string? setting)
    {
        ArgumentNullException.ThrowIfNull(client);
        switch ((setting ?? "Online").Trim().ToLowerInvariant())
        {
            case "online" or "":
                client.CheckCertificateRevocation = true;
                break;
            case "offline":
                client.CheckCertificateRevocation = false;
                client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                    certificate is not null && ValidWithRevocation(certificate, errors, System.Security.Cryptography.X509Certificates.X509RevocationMode.Offline);
                break;
            case "none":
                client.CheckCertificateRevocation = false;
                break;
            default:
                throw new InvalidOperationException(
                    $"Readiness:Notifications:Smtp:CertificateRevocation is '{setting}'; it must be Online, Offline or None.");
        }
    }

    // Offline: a fresh chain, trusted roots as usual, revocation only from the machine's cache ("unknown" is not a failure).
    private static bool ValidWithRevocation(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
        System.Net.Security.SslPolicyErrors errors, System.Security.Cryptography.X509Certificates.X509RevocationMode mode)
    {
        if ((errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) != System.Net.Security.SslPolicyErrors.None)
        {
            return false; // a name mismatch or no certificate
        }

        using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
        chain.ChainPolicy.RevocationMode = mode;
        chain.ChainPolicy.VerificationFlags = System.Security.Cryptography.X509Certificates.X509VerificationFlags.IgnoreCertificateAuthorityRevocationUnknown
                                              | System.Security.Cryptography.X509Certificates.X509VerificationFlags.IgnoreEndRevocationUnknown;
        using var leaf = new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
