using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using Readiness.Data.Notifications;
using Readiness.Data.Push;

namespace Readiness.Web.Notifications;

/// <summary>
/// Sends a notice by Web Push to every browser its recipient allowed notifications on: a JSON body
/// (<see cref="PushPayload"/>) of a title and a path in the app, never a note's text or a person's data, encrypted
/// to the browser's keys (RFC 8291) and signed with the server's VAPID key (RFC 8292). The body's <c>tag</c> and the
/// request's <c>Topic</c> come from the delivery's idempotency key, so a delivery sent again replaces the notification
/// it already showed instead of adding one. A push service answering 404 or 410 says the browser is gone: its
/// subscription is deleted. A delivery succeeds when every remaining browser's push service took it.
/// </summary>
public sealed partial class PushSender(IHttpClientFactory clients, NotificationText text, PushSubscriptionStore subscriptions, IOptions<PushOptions> options,
    ILogger<PushSender> logger)
{
    /// <summary>The named HTTP client push requests go through.</summary>
    public const string ClientName = "push";

    /// <summary>How long a push service keeps a message for a phone that is off or out of reach.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(24);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON the service worker reads: title, path to open, and the tag the browser replaces a repeat by.</summary>
    public static string Body(DeliveryWork work, NotificationText text)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(text);
        var message = text.Indonesia(work.Notification);
        return JsonSerializer.Serialize(new PushPayload(message.Subject, NotificationText.PathOf(work.Notification), Tag(work.IdempotencyKey)), Json);
    }

    /// <summary>The <c>Topic</c> and <c>tag</c> of a delivery: 32 base64url characters of its key's hash (the header's limit).</summary>
    public static string Tag(string idempotencyKey) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 24));

    /// <summary>One try to every browser of the recipient. Throws <see cref="DeliveryFailedException"/> when one of them failed.</summary>
    public async Task SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var push = options.Value;
        if (!push.Enabled)
        {
            throw new DeliveryFailedException("Web Push is off on this server (Push:PublicKey and Push:PrivateKey are not set).", permanent: true,
                kind: DeliveryErrorKinds.NotConfigured);
        }

        VapidAuthentication vapid;
        try
        {
            vapid = new VapidAuthentication(push.PublicKey, push.PrivateKey) { Subject = push.Subject };
        }
        catch (ArgumentException ex)
        {
            throw new DeliveryFailedException($"The VAPID keys or subject are not valid: {ex.Message}", permanent: true, ex, kind: DeliveryErrorKinds.NotConfigured);
        }

        using (vapid)
        {
            var body = Body(work, text);
            var client = new PushServiceClient(clients.CreateClient(ClientName)) { AutoRetryAfter = false, DefaultAuthentication = vapid };
            DeliveryFailedException? failure = null;
            foreach (var browser in await subscriptions.ForUserAsync(work.UserId, cancellationToken))
            {
                var subscription = new Lib.Net.Http.WebPush.PushSubscription { Endpoint = browser.Endpoint };
                subscription.SetKey(PushEncryptionKeyName.P256DH, browser.P256dh);
                subscription.SetKey(PushEncryptionKeyName.Auth, browser.Auth);
                var message = new PushMessage(body)
                {
                    Topic = Tag(work.IdempotencyKey),
                    TimeToLive = (int)TimeToLive.TotalSeconds,
                    Urgency = PushMessageUrgency.High,
                };
                try
                {
                    await client.RequestPushMessageDeliveryAsync(subscription, message, cancellationToken);
                    await subscriptions.MarkSuccessAsync(browser.Id, CancellationToken.None);
                }
                catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    // The browser unsubscribed, or the push service expired it: nothing will reach it again.
                    await subscriptions.DeleteAsync(browser.Id, CancellationToken.None);
                    LogGone(browser.Id, work.UserName, (int)ex.StatusCode);
                }
                catch (PushServiceClientException ex)
                {
                    await subscriptions.MarkFailureAsync(browser.Id, CancellationToken.None);
                    var code = (int)ex.StatusCode;
                    var permanent = code is >= 400 and < 500 && ex.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
                    failure ??= new DeliveryFailedException($"{Origin(browser.Endpoint)}: HTTP {code} {ex.Message}", permanent, ex,
                        retryAfter: ex.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? ex.Headers?.RetryAfter?.Delta : null,
                        kind: DeliveryErrorKinds.Http(code));
                }
                catch (HttpRequestException ex)
                {
                    await subscriptions.MarkFailureAsync(browser.Id, CancellationToken.None);
                    var refused = Find<WebhookAddressRefusedException>(ex) is not null;
                    failure ??= new DeliveryFailedException($"{Origin(browser.Endpoint)}: {ex.Message}", permanent: refused, ex,
                        kind: refused ? DeliveryErrorKinds.Blocked
                            : ex.HttpRequestError == HttpRequestError.SecureConnectionError ? DeliveryErrorKinds.Tls
                            : DeliveryErrorKinds.Refused);
                }
                catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    await subscriptions.MarkFailureAsync(browser.Id, CancellationToken.None);
                    failure ??= new DeliveryFailedException($"{Origin(browser.Endpoint)}: {ex.Message}", permanent: false, ex, kind: DeliveryErrorKinds.Timeout);
                }
            }

            if (failure is not null)
            {
                throw failure;
            }
        }
    }

    // The push service's origin, never the endpoint's path (it identifies the browser).
    private static string Origin(string endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "push";

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push subscription {SubscriptionId} of {UserName} is gone (HTTP {Status}) and was deleted")]
    private partial void LogGone(int subscriptionId, string userName, int status);
}
