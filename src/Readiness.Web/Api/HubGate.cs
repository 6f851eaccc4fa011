using Microsoft.Extensions.Options;
using Readiness.Web.Accounts;
using Readiness.Web.Hosting;

namespace Readiness.Web.Api;

/// <summary>
/// In front of <c>/hubs/readiness</c>: a browser page of another site may not open a connection with the user's cookie
/// (an <c>Origin</c> other than this app's gets 403; programs send no <c>Origin</c>), and a user or screen token that
/// already holds <see cref="AccountOptions.HubConnectionsPerIdentity"/> connections gets 429 for a new one, before
/// the connection is made.
/// </summary>
internal static class HubGate
{
    public const string TooManyConnections =
        "Terlalu banyak koneksi terbuka untuk akun atau layar ini; tutup yang lain. / Too many open connections for this account or screen; close the others.";

    public const string ForeignOrigin = "Koneksi dari situs lain ditolak. / Connections from other sites are refused.";

    public static IApplicationBuilder UseHubGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments(ReadinessHub.Path, StringComparison.OrdinalIgnoreCase))
            {
                await next();
                return;
            }

            if (request.Headers.Origin is [{ } origin] && !IsSameOrigin(origin, request))
            {
                await ApiProblem.WriteAsync(context, StatusCodes.Status403Forbidden, ForeignOrigin);
                return;
            }

            // A new connection is a negotiate, or a WebSocket opened without one; later requests name their connection.
            var opens = request.Path.Value!.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase) || !request.Query.ContainsKey("id");
            if (opens && context.User.Identity?.IsAuthenticated == true)
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.HubConnectionsPerIdentity;
                if (context.RequestServices.GetRequiredService<HubConnections>().CountOf(context.User) >= limit)
                {
                    await ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, TooManyConnections);
                    return;
                }
            }

            await next();
        });

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
