using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Web.Hosting;

namespace Readiness.Web.Accounts;

/// <summary>
/// For clients outside the browser app (a wall screen on another device, another system): a screen token sent as
/// <c>Authorization: Bearer SECRET</c>, or as <c>access_token</c> in the query where a WebSocket cannot send headers.
/// Checked against the database on every request, so a revoked token stops at once.
/// </summary>
internal sealed class ScreenTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ScreenTokenStore screens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ScreenToken";

    /// <summary>Whether the request carries a token at all; if not, the API's scheme asks the sign-in cookie instead.</summary>
    public static bool HasToken(HttpRequest request) => !string.IsNullOrEmpty(SecretOf(request));

    private static string SecretOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : request.Query["access_token"].ToString();
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = SecretOf(Request);
        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await screens.FindActiveAsync(secret, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked screen token.");
        }

        var principal = ScreenSignIn.Principal(token);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>401 with a short JSON problem: a program sent no token, or one that is unknown or revoked.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, ApiProblem.Unauthorized);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.WriteAsync(Context, StatusCodes.Status403Forbidden, ApiProblem.Forbidden);
}
