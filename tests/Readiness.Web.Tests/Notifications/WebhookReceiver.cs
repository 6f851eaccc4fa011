using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel), as another agency's system would run one: it checks the
/// HMAC-SHA256 signature against the shared secret, records every request, and answers with the status codes the
/// test scripts (200 once the script runs out).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<int> script) => (_app, _script) = (app, script);

    public const string Secret = "rahasia-bersama-gerbang-whatsapp";

    public string Url { get; private set; } = "";

    /// <summary>Seconds sent as <c>Retry-After</c> with a 429 or 503 answer (none when null).</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Received(string IdempotencyKey, bool SignatureValid, int Answer, string Body);

    /// <summary>Keys the receiver answered 2xx to, in order.</summary>
    public IReadOnlyList<string> Accepted => Requests.Where(r => r.Answer is >= 200 and < 300).Select(r => r.IdempotencyKey).ToList();

    public static async Task<WebhookReceiver> StartAsync(params int[] firstAnswers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, new ConcurrentQueue<int>(firstAnswers));
        app.MapPost("/kait", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
            var given = context.Request.Headers["X-Readiness-Signature"].ToString();
            var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
            var answer = !valid ? 401 : receiver._script.TryDequeue(out var scripted) ? scripted : 200;
            receiver.Requests.Enqueue(new Received(context.Request.Headers["Idempotency-Key"].ToString(), valid, answer, Encoding.UTF8.GetString(body)));
            if (answer is 429 or 503 && receiver.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.StatusCode(answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/kait";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
