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
            throw new DeliveryFailedException("E-mail is not configured (Readiness:Notifications:Smtp:Host and Sender).", permanent: true);
        }

        if (string.IsNullOrWhiteSpace(work.Email))
        {
            throw new DeliveryFailedException($"{work.UserName} has no e-mail address.", permanent: true);
        }

        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        using var client = new SmtpClient();
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
            throw new DeliveryFailedException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: true, ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
                                       or AuthenticationException or SslHandshakeException)
        {
            throw new DeliveryFailedException($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}", permanent: false, ex);
        }
    }
}
