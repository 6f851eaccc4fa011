using Microsoft.AspNetCore.ResponseCompression;

namespace Readiness.Web.Hosting;

/// <summary>
/// Brotli or gzip for HTML pages and JSON answers: a liaison's phone on a weak link gets the task list in a fraction
/// of the bytes. Static files are already served compressed by MapStaticAssets, and the circuit's WebSocket compresses
/// its own messages. Left uncompressed, so that nothing secret shares a compressed body with text an attacker chose
/// (BREACH): the sign-in form and the screen sign-in (<c>/masuk</c>, <c>/layar/masuk</c>) and the admin pages, where
/// a screen token's secret is shown once.
/// </summary>
internal static class Compression
{
    private static readonly PathString[] Uncompressed = ["/masuk", "/layar/masuk", "/admin"];

    public static IServiceCollection AddReadinessCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "application/json"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        }).Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

    public static IApplicationBuilder UseReadinessCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => !Uncompressed.Any(path => context.Request.Path.StartsWithSegments(path)),
            branch => branch.UseResponseCompression());
}
