using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Readiness.Web.Accounts;

/// <summary>
/// The answer to a request over its rate limit: 429 with <c>Retry-After</c> in seconds, always. A wall screen gets a
/// page that reloads itself after that time (a meta refresh: no script, so the Content-Security-Policy holds), because
/// nobody stands at a wall to press reload.
/// </summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Clamp(Math.Ceiling(retryAfter.TotalSeconds), 1, 3600)
            : 60;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.HttpContext.Request.Path.StartsWithSegments("/layar"))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync($"""
                <!DOCTYPE html>
                <html lang="id">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="refresh" content="{seconds}">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Layar menunggu · Screen waiting</title>
                </head>
                <body>
                <h1>Layar menunggu giliran</h1>
                <p>Terlalu banyak layar dibuka dari alamat ini dalam satu menit. Layar ini mencoba lagi sendiri dalam {seconds} detik.</p>
                <p lang="en">Too many screens opened from this address in a minute. This screen tries again by itself in {seconds} seconds.</p>
                </body>
                </html>
                """, cancellationToken);
            return;
        }

        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(
            $"Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam {seconds} detik. / " +
            $"Too many sign-in attempts from this address. Try again in {seconds} seconds.", cancellationToken);
    }
}
