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
public sealed class WebhookSender(IHttpClientFactory clients, NotificationText text)
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
        request.Headers.Add(SignatureHeader, Sign(body, work.WebhookSecret ?? ""));
        request.Headers.Add(IdempotencyHeader, work.IdempotencyKey);
        request.Headers.Add(EventHeader, work.Notification.Kind);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryFailedException($"{work.WebhookUrl}: {ex.Message}", permanent: false, ex);
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
                retryAfter: response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? RetryAfterOf(response) : null);
        }
    }
}
