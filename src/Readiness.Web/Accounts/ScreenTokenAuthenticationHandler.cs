using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;

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

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Request.Query["access_token"].ToString();
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
}
