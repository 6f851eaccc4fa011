using Microsoft.AspNetCore.Antiforgery;

namespace Readiness.Web.Accounts;

/// <summary>
/// A form post whose antiforgery token is missing or no longer fits (another user signed in or out in another tab) is
/// sent to <see cref="Path"/>, a page that says so and offers to sign in or out, instead of the framework's bare 400 or
/// the 500 of a form-bound endpoint. Nothing of the post runs.
/// </summary>
internal static class StaleForms
{
    /// <summary>The page that explains a refused form post.</summary>
    public const string Path = "/formulir-kedaluwarsa";

    /// <summary>Placed right after <c>UseAntiforgery</c>, which records its verdict without answering.</summary>
    public static IApplicationBuilder UseStaleFormPage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                SendToPage(context);
                return;
            }

            await next(context);
        });

    /// <summary>Answers with a 303 to <see cref="Path"/>, so the browser fetches the page with a GET.</summary>
    public static void SendToPage(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = Path;
    }
}
