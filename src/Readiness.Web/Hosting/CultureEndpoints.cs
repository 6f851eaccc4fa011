using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Readiness.Web.Hosting;

internal static class CultureEndpoints
{
    /// <summary>Indonesian (the default) and English.</summary>
    public static readonly CultureInfo[] SupportedCultures = [new("id-ID"), new("en-US")];

    /// <summary><c>/bahasa/{culture}?kembali=/path</c>: remembers the chosen language in a cookie and goes back.</summary>
    public static IEndpointConventionBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bahasa/{culture}", (string culture, string? kembali, HttpContext context, TimeProvider time) =>
        {
            if (SupportedCultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions
                    {
                        Expires = time.GetUtcNow().AddYears(1),
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = context.Request.IsHttps,
                        IsEssential = true,
                    });
            }

            return Results.LocalRedirect(LocalUrl.OrHome(kembali));
        }).ExcludeFromDescription();
}
