using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;

namespace Readiness.Web.Notifications;

/// <summary>
/// POSTs a notification as JSON to a registered webhook. The body is signed with HMAC-SHA256 under the webhook's
/// secret (header <see cref="SignatureHeader"/>: <c>sha256=</c> and the lowercase hex digest of the exact body
/// bytes); <see cref="IdempotencyHeader"/> carries the delivery's key, the same on every try.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, NotificationText text, WebhookSecrets secrets)
{
    public const string ClientName = "webhooks";
    public const string SignatureHeader = "X-Readiness-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string EventHeader = "X-Readiness-Event";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON body sent for <paramref name="work"/> (the same bytes on every try).</summary>
    public byte[] Body(DeliveryWork work)
    {
        var n = work.Notification;
        var message = text.Indonesia(n);
        var payload = new WebhookPayload(
            work.IdempotencyKey, n.Kind, n.CreatedAtUtc,
            new WebhookPayload.Recipient(work.UserName, work.DisplayName),
            n.ItemId is { } id
                ? new WebhookPayload.Item(id, n.ItemTitle, n.ItemStatus, n.RegionCode, n.RegionName, n.AgencyCode, n.DueDate, message.Link,
                    n.ItemNote, n.ItemNoteBy)
                : null,
            n.IsGroup
                ? new WebhookPayload.ItemGroup(n.ItemCount ?? 0, n.RegionCode, n.RegionName,
                    [.. n.Items.Select(i => new WebhookPayload.Item(i.ItemId, i.Title, i.Status, i.RegionCode, i.RegionName, i.AgencyCode, i.DueDate,
                        text.Link(i.ItemId)))], message.Link)
                : null,
            n.Digest, message.Subject, message.Text);
        return JsonSerializer.SerializeToUtf8Bytes(payload, Json);
    }

    // Seconds, or a date read against the receiver's own Date header (so neither clock's skew matters); null if absent.
    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } when response.Headers.Date is { } sent => date > sent ? date - sent : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The signature header's value for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>One try. Throws <see cref="DeliveryFailedException"/> unless the receiver answers 2xx.</summary>
    public async Task SendAsync(DeliveryWork work, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, work.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        string secret;
        try
        {
            secret = secrets.Unprotect(work.WebhookSecret);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // The key that encrypted the secret is gone (a new key ring): only registering the webhook again helps.
            throw new DeliveryFailedException($"{work.WebhookUrl}: the webhook secret cannot be decrypted ({ex.Message}); register the webhook again.",
                permanent: true, ex, kind: DeliveryErrorKinds.NotConfigured);
        }

        request.Headers.Add(SignatureHeader, Sign(body, secret));
        request.Headers.Add(IdempotencyHeader, work.IdempotencyKey);
        request.Headers.Add(EventHeader, work.Notification.Kind);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (Find<WebhookAddressRefusedException>(ex) is { } refused)
        {
            throw new DeliveryFailedException($"{work.WebhookUrl}: {refused.Message}", permanent: true, ex, kind: DeliveryErrorKinds.Blocked);
        }
        catch (HttpRequestException ex)
        {
            var kind = ex.HttpRequestError switch
            {
                HttpRequestError.SecureConnectionError => DeliveryErrorKinds.Tls,
                HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError => DeliveryErrorKinds.Refused,
                _ when Find<System.Security.Authentication.AuthenticationException>(ex) is not null => DeliveryErrorKinds.Tls,
                _ when Find<System.Net.Sockets.SocketException>(ex) is not null => DeliveryErrorKinds.Refused,
                _ => DeliveryErrorKinds.Other,
            };
            throw new DeliveryFailedException($"{work.WebhookUrl}: {Detail(ex)}", permanent: false, ex, kind: kind);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout.
            throw new DeliveryFailedException($"{work.WebhookUrl}: {ex.Message}", permanent: false, ex, kind: DeliveryErrorKinds.Timeout);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var code = (int)response.StatusCode;
            // A 4xx other than timeout or rate limit means the receiver refuses this request as it is.
            var permanent = code is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            throw new DeliveryFailedException($"{work.WebhookUrl}: HTTP {code} {response.ReasonPhrase}", permanent,
                retryAfter: response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? RetryAfterOf(response) : null,
                kind: DeliveryErrorKinds.Http(code));
        }
    }

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

    // The message with its causes, for the admin's detail ("An error occurred while sending the request." says little alone).
    private static string Detail(Exception ex)
    {
        var parts = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (!parts.Contains(e.Message))
            {
                parts.Add(e.Message);
            }
        }

        return string.Join(" -> ", parts);
    }
}
