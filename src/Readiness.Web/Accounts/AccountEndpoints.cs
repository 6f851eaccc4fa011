using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with the antiforgery token (the layout's logout button); another site cannot sign anyone out.
        // The new security stamp makes every copy of the old cookie worthless at once (the cookie is checked against
        // the stamp on each request), not only the browser's own copy that SignOutAsync deletes.
        endpoints.MapPost("/keluar", async (HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                // A Keluar button from before another user signed in in another tab: say so, sign nobody out.
                StaleForms.SendToPage(context);
                return Results.Empty;
            }

            if (!ScreenSignIn.IsScreen(context.User) && await users.GetUserAsync(context.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect(AccountServiceCollectionExtensions.LoginPath);
        }).RequireAuthorization();

        // A wall screen opens /layar/masuk?token=SECRET once; it then holds a read-only cookie for its region and
        // shows that region's wall. Where someone is signed in already, a link (perhaps from another site) must not
        // swap their session: they are asked first, and only their POST from that page opens the screen.
        endpoints.MapGet("/layar/masuk", async (string? token, HttpContext context, ScreenTokenStore screens, TimeProvider time,
            ILoggerFactory loggers) =>
        {
            var screen = await screens.FindActiveAsync(token, context.RequestAborted);
            if (screen is null)
            {
                LogRefused(loggers, context);
                return Results.LocalRedirect("/layar/dicabut");
            }

            if (context.User.Identity?.IsAuthenticated == true)
            {
                return context.User.FindFirst(ReadinessClaims.ScreenTokenId)?.Value == screen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    ? Results.LocalRedirect($"/layar/{screen.RegionCode}")
                    : Results.LocalRedirect("/layar/buka?token=" + Uri.EscapeDataString(token!));
            }

            return await OpenScreenAsync(context, screen, time);
        }).RequireRateLimiting(AccountServiceCollectionExtensions.ScreenRateLimitPolicy).AllowAnonymous();

        // The confirmation of /layar/buka: a form post with the antiforgery token, so another site cannot make it. A
        // post without a form or a token that no longer fits is sent to the page that explains.
        endpoints.MapPost("/layar/masuk", async (HttpContext context, IAntiforgery antiforgery, ScreenTokenStore screens, TimeProvider time,
            ILoggerFactory loggers) =>
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            {
                StaleForms.SendToPage(context);
                return Results.Empty;
            }

            string? token = (await context.Request.ReadFormAsync(context.RequestAborted))["token"];
            var screen = await screens.FindActiveAsync(token, context.RequestAborted);
            if (screen is null)
            {
                LogRefused(loggers, context);
                return Results.LocalRedirect("/layar/dicabut");
            }

            return await OpenScreenAsync(context, screen, time);
        }).RequireRateLimiting(AccountServiceCollectionExtensions.ScreenRateLimitPolicy).AllowAnonymous();
    }

    private static async Task<IResult> OpenScreenAsync(HttpContext context, ScreenToken screen, TimeProvider time)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, ScreenSignIn.Principal(screen), new AuthenticationProperties
        {
            IsPersistent = true,
            ExpiresUtc = time.GetUtcNow().AddDays(30),
            AllowRefresh = true,
        });
        return Results.LocalRedirect($"/layar/{screen.RegionCode}");
    }

    private static void LogRefused(ILoggerFactory loggers, HttpContext context) =>
        loggers.CreateLogger("Readiness.Accounts").LogWarning("Refused: unknown or revoked screen token from {Address}",
            context.Connection.RemoteIpAddress);
}
