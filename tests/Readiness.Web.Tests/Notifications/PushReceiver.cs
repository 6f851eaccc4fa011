using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// Plays a browser's push service on a loopback port (Kestrel): holds the browser's own key pair and authentication
/// secret, as a phone would, checks the VAPID <c>Authorization</c> header (an ES256 token for this origin, signed by
/// the server's public key, not expired), decrypts the <c>aes128gcm</c> body per RFC 8291 and RFC 8188 with nothing
/// but .NET's ECDiffieHellman, HKDF and AesGcm, records it, and answers with the status codes the test scripts (201
/// once the script runs out).
/// </summary>
public sealed class PushReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;
    private readonly ECDiffieHellman _browserKey = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _authSecret = RandomNumberGenerator.GetBytes(16);
    private readonly string _vapidPublicKey;

    private PushReceiver(WebApplication app, ConcurrentQueue<int> script, string vapidPublicKey) =>
        (_app, _script, _vapidPublicKey) = (app, script, vapidPublicKey);

    /// <summary>The subscription's endpoint (what <c>PushSubscription.endpoint</c> is in a browser).</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The browser's public key, base64url (<c>keys.p256dh</c>).</summary>
    public string P256dh => Base64Url.EncodeToString(PublicPoint(_browserKey));

    /// <summary>The browser's authentication secret, base64url (<c>keys.auth</c>).</summary>
    public string Auth => Base64Url.EncodeToString(_authSecret);

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <param name="VapidValid">The Authorization header held a valid VAPID token of the expected key.</param>
    /// <param name="Answer">The status the receiver answered.</param>
    /// <param name="Payload">The decrypted body (null when it could not be decrypted).</param>
    /// <param name="Topic">The <c>Topic</c> header.</param>
    public sealed record Received(bool VapidValid, int Answer, string? Payload, string? Topic);

    /// <summary>A fresh VAPID key pair as the README tells how to make one: (public, private), base64url.</summary>
    public static (string PublicKey, string PrivateKey) NewVapidKeys()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.EncodeToString(parameters.D!));
    }

    public static async Task<PushReceiver> StartAsync(string vapidPublicKey, params int[] firstAnswers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new PushReceiver(app, new ConcurrentQueue<int>(firstAnswers), vapidPublicKey);
        app.MapPost("/push/{id}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var vapid = receiver.VapidValid(context.Request.Headers.Authorization.ToString(), $"http://{context.Request.Host.Host}");
            string? payload;
            try
            {
                payload = context.Request.Headers.ContentEncoding.ToString() == "aes128gcm" ? receiver.Decrypt(buffer.ToArray()) : null;
            }
            catch (CryptographicException)
            {
                payload = null;
            }

            var answer = !vapid ? 403 : receiver._script.TryDequeue(out var scripted) ? scripted : 201;
            receiver.Requests.Enqueue(new Received(vapid, answer, payload, context.Request.Headers["Topic"].ToString()));
            return Results.StatusCode(answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = address.TrimEnd('/') + "/push/" + Guid.NewGuid().ToString("N");
        return receiver;
    }

    // "vapid t=<JWT>, k=<public key>" (RFC 8292): the key is the server's, and the token is ES256 over header.claims
    // by that key, for this push service's origin, expiring within 24 hours.
    private bool VapidValid(string authorization, string audience)
    {
        if (!authorization.StartsWith("vapid ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var token) || !parts.TryGetValue("k", out var k) || k != _vapidPublicKey)
        {
            return false;
        }

        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            return false;
        }

        var point = Base64Url.DecodeFromChars(k);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        var signed = Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
        if (!key.VerifyData(signed, Base64Url.DecodeFromChars(segments[2]), HashAlgorithmName.SHA256))
        {
            return false;
        }

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[1]));
        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
        return claims.RootElement.GetProperty("aud").GetString() == audience
            && exp > DateTimeOffset.UtcNow && exp <= DateTimeOffset.UtcNow.AddHours(24).AddMinutes(1)
            && claims.RootElement.TryGetProperty("sub", out _);
    }

    // RFC 8188 header (salt, record size, key id = the sender's ephemeral public key), then RFC 8291's keys.
    private string Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var senderPublic = body[21..(21 + idLength)];
        var records = body[(21 + idLength)..];
        if (records.Length > recordSize)
        {
            throw new CryptographicException("More than one record: the test expects a short message.");
        }

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });
        var ecdhSecret = _browserKey.DeriveRawSecretAgreement(sender.PublicKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicPoint(_browserKey), .. senderPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, _authSecret, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());
        using var aes = new AesGcm(cek, 16);
        var plain = new byte[records.Length - 16];
        aes.Decrypt(nonce, records[..^16], records[^16..], plain);
        // The last record ends with the delimiter 2, then zero padding.
        var end = Array.FindLastIndex(plain, b => b != 0);
        if (end < 0 || plain[end] != 2)
        {
            throw new CryptographicException("No last-record delimiter.");
        }

        return Encoding.UTF8.GetString(plain, 0, end);
    }

    private static byte[] PublicPoint(ECDiffieHellman key)
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    public async ValueTask DisposeAsync()
    {
        _browserKey.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
