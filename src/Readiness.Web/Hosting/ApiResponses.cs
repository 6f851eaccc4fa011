using Microsoft.AspNetCore.Diagnostics;

namespace Readiness.Web.Hosting;

/// <summary>
/// What every <c>/api</c> and hub response shares: never cached (<c>Cache-Control: no-store</c>: it holds what one
/// person may see), and an unknown path or a method the route does not take answers 404 or 405 with a problem, not
/// the HTML "not found" page or a redirect to the sign-in form, which a program cannot follow. A body the endpoint
/// could not read (a word where a number belongs, <c>"done": "tiga"</c>) answers 400 with a problem that says so,
/// instead of the framework's empty 400.
/// </summary>
internal static class ApiResponses
{
    public const string NotFound = "Alamat API tidak dikenal. / Unknown API address.";
    public const string MethodNotAllowed = "Metode ini tidak diterima di alamat ini. / This method is not accepted at this address.";

    /// <summary>The title of a 400 for a body that could not be read as the endpoint's JSON.</summary>
    public const string Unreadable = "Isi permintaan tidak terbaca: angka harus bilangan bulat dan setiap kolom sesuai jenisnya. / "
        + "The request body could not be read: numbers must be whole numbers and each field of its kind.";

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

            try
            {
                await next();
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                // Thrown rather than answered where the host asks for it (development): still a problem, never a trace.
                await ApiProblem.WriteAsync(context, ex.StatusCode, Unreadable);
                return;
            }

            if (!context.Response.HasStarted && context.Response.ContentLength is null or 0
                && context.Response.StatusCode is StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound
                    or StatusCodes.Status405MethodNotAllowed)
            {
                await ApiProblem.WriteAsync(context, context.Response.StatusCode, context.Response.StatusCode switch
                {
                    StatusCodes.Status400BadRequest => Unreadable,
                    StatusCodes.Status404NotFound => NotFound,
                    _ => MethodNotAllowed,
                });
            }
        });
}
