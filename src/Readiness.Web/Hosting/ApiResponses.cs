using Microsoft.AspNetCore.Diagnostics;

namespace Readiness.Web.Hosting;

/// <summary>
/// What every <c>/api</c> and hub response shares: never cached (<c>Cache-Control: no-store</c>: it holds what one
/// person may see), and an unknown path or a method the route does not take answers 404 or 405 with a problem, not
/// the HTML "not found" page or a redirect to the sign-in form, which a program cannot follow.
/// </summary>
internal static class ApiResponses
{
    public const string NotFound = "Alamat API tidak dikenal. / Unknown API address.";
    public const string MethodNotAllowed = "Metode ini tidak diterima di alamat ini. / This method is not accepted at this address.";

    /// <summary>Goes after <c>UseStatusCodePagesWithReExecute</c>, which it switches off for API requests.</summary>
    public static IApplicationBuilder UseApiResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!ApiProblem.IsApiRequest(context.Request))
            {
                await next();
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            await next();
            if (!context.Response.HasStarted && context.Response.ContentLength is null or 0
                && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
            {
                await ApiProblem.WriteAsync(context, context.Response.StatusCode,
                    context.Response.StatusCode == StatusCodes.Status404NotFound ? NotFound : MethodNotAllowed);
            }
        });
}
