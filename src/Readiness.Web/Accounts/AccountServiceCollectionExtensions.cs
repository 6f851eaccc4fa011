using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Accounts;
using Readiness.Web.Hosting;

namespace Readiness.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    public const string LoginPath = "/masuk";
    public const string LoginRateLimitPolicy = "login";
    public const string ScreenRateLimitPolicy = "screen";

    /// <summary>The JSON API and the hub: a signed-in user (cookie) or a screen token (bearer).</summary>
    public const string ApiPolicy = "api";

    /// <summary>The authentication scheme of <see cref="ApiPolicy"/>: the screen token when one is sent, else the cookie.</summary>
    public const string ApiScheme = "Api";

    /// <summary>Cookie sign-in with Identity over the Dapper user store, circuit revalidation, login rate limiting.</summary>
    public static IServiceCollection AddReadinessAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AccountOptions.SectionName);
        services.AddOptions<AccountOptions>().Bind(section)
            .Validate(o => o.RevalidationInterval > TimeSpan.Zero && o.RevalidationInterval <= TimeSpan.FromMinutes(5),
                "Readiness:Accounts:RevalidationInterval must be between 0 and 5 minutes.");
        var accountOptions = section.Get<AccountOptions>() ?? new AccountOptions();
        var interval = accountOptions.RevalidationInterval;

        services.AddCascadingAuthenticationState();
        services.AddScoped<AccessCheck>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentActor>();

        services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ScreenTokenAuthenticationHandler>(
                ScreenTokenAuthenticationHandler.SchemeName, null)
            // One scheme for the API and the hub, so a refusal is answered once: by the token's handler when the
            // request carries a token, by the cookie's otherwise (both answer a JSON problem there, never a redirect).
            .AddPolicyScheme(ApiScheme, null, o => o.ForwardDefaultSelector = context =>
                ScreenTokenAuthenticationHandler.HasToken(context.Request) ? ScreenTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        new IdentityBuilder(typeof(AppUser), services)
            .AddSignInManager<ReadinessSignInManager>()
            .AddClaimsPrincipalFactory<ReadinessClaimsPrincipalFactory>();
        // After AddSignInManager, which registers Identity's own: screens have no security stamp, only a token.
        services.AddScoped<ISecurityStampValidator, ReadinessSecurityStampValidator>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = interval);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/keluar";
            cookie.AccessDeniedPath = "/akses-ditolak";
            cookie.ReturnUrlParameter = "kembali";
            cookie.Cookie.Name = "readiness.masuk";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            // Every request's cookie is checked: users' security stamps at the interval, screens' tokens each time.
            cookie.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (ApiProblem.IsApiRequest(context.Request))
                {
                    return ApiProblem.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, ApiProblem.Unauthorized);
                }

                context.Response.Redirect(context.HttpContext.Items.ContainsKey(ReadinessSecurityStampValidator.ScreenRevokedKey)
                    ? "/layar/dicabut"
                    : context.RedirectUri);
                return Task.CompletedTask;
            };
            // A sign-in on /masuk?kembali=... is sent back by the cookie handler itself, with the return address as the
            // query decoded it: "/tugas?cari=café" cannot go into a Location header as it is (Kestrel throws).
            cookie.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.OrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                if (ApiProblem.IsApiRequest(context.Request))
                {
                    return ApiProblem.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, ApiProblem.Forbidden);
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy
            .AddAuthenticationSchemes(ApiScheme)
            .RequireAuthenticatedUser());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts (posts) per address: enough for a person who mistypes, too few to guess passwords.
            limiter.AddPolicy(LoginRateLimitPolicy, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : PerAddress(context, "masuk", accountOptions.SignInAttemptsPerMinute));
            // Screen-token opens, in a bucket of their own: a posko restarting all its walls behind one address must
            // not lock out its people's sign-in, nor the other way round. A token is 256 random bits: no guessing.
            limiter.AddPolicy(ScreenRateLimitPolicy, context => PerAddress(context, "layar", accountOptions.ScreenOpensPerMinute));
            limiter.OnRejected = (context, cancellationToken) => RateLimitRejection.WriteAsync(context, cancellationToken);
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string bucket, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            bucket + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
