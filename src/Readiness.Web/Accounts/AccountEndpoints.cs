using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with the antiforgery token (the layout's logout button).
        endpoints.MapPost("/keluar", async (HttpContext context) =>
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect(AccountServiceCollectionExtensions.LoginPath);
        }).RequireAuthorization();

        // A wall screen opens /layar/masuk?token=SECRET once; it then holds a read-only cookie for its region and
        // shows that region's wall.
        endpoints.MapGet("/layar/masuk", async (string? token, HttpContext context, ScreenTokenStore screens, TimeProvider time,
            ILoggerFactory loggers) =>
        {
            var screen = await screens.FindActiveAsync(token, context.RequestAborted);
            if (screen is null)
            {
                loggers.CreateLogger("Readiness.Accounts").LogWarning("Refused: unknown or revoked screen token from {Address}",
                    context.Connection.RemoteIpAddress);
                return Results.LocalRedirect("/layar/dicabut");
            }

            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            await context.SignInAsync(IdentityConstants.ApplicationScheme, ScreenSignIn.Principal(screen), new AuthenticationProperties
            {
                IsPersistent = true,
                ExpiresUtc = time.GetUtcNow().AddDays(30),
                AllowRefresh = true,
            });
            return Results.LocalRedirect($"/layar/{screen.RegionCode}");
        }).RequireRateLimiting(AccountServiceCollectionExtensions.LoginRateLimitPolicy).AllowAnonymous();
    }
}
