namespace Readiness.Web.Hosting;

/// <summary>
/// Headers on every response. The Content-Security-Policy fits Blazor Server with MudBlazor: scripts only from this
/// origin (no inline script, no eval), the circuit's WebSocket to this origin, fonts from this origin, no framing.
/// Inline styles stay allowed: MudBlazor writes its theme as a style element and sets style attributes, and Blazor's
/// reconnect and error UI do too. The framework's own frame-ancestors header is turned off in Program.cs, so there is
/// one policy.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // An endpoint that serves a stored file sets a stricter policy of its own (a sandbox); it stands.
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next();
        });
}
