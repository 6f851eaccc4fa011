using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Readiness.Data;
using Readiness.Data.Accounts;

namespace Readiness.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    public const string LoginPath = "/masuk";
    public const string LoginRateLimitPolicy = "login";

    /// <summary>The JSON API and the hub: a signed-in user (cookie) or a screen token (bearer).</summary>
    public const string ApiPolicy = "api";

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
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ScreenTokenAuthenticationHandler>(
            ScreenTokenAuthenticationHandler.SchemeName, null);
        new IdentityBuilder(typeof(AppUser), services)
            .AddSignInManager()
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
                context.Response.Redirect(context.HttpContext.Items.ContainsKey(ReadinessSecurityStampValidator.ScreenRevokedKey)
                    ? "/layar/dicabut"
                    : context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ScreenTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts (posts) per address: enough for a person who mistypes, too few to guess passwords.
            limiter.AddPolicy(LoginRateLimitPolicy, context => HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/layar")
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = accountOptions.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam satu menit. / " +
                    "Too many sign-in attempts from this address. Try again in a minute.", cancellationToken);
            };
        });
        return services;
    }
}

/// <summary>The signed-in actor of this circuit or request, as the services check it.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    /// <summary>The actor, or null when nobody is signed in.</summary>
    public async Task<Actor?> FindAsync() => ReadinessClaims.ToActor((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>The actor; pages behind [Authorize] always have one.</summary>
    public async Task<Actor> GetAsync() =>
        await FindAsync() ?? throw new AccessDeniedException(AccessDeniedException.ReadOnly, "Nobody is signed in.");
}
