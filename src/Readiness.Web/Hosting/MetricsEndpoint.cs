using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Readiness.Data.Accounts;
using Readiness.Web.Live;

namespace Readiness.Web.Hosting;

/// <summary>The <c>Readiness</c> meter and, when <c>Readiness:Metrics:Enabled</c>, its Prometheus endpoint.</summary>
public static class MetricsEndpoint
{
    /// <summary>Where Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers the instruments, and OpenTelemetry's Prometheus exporter when metrics are enabled.</summary>
    public static IServiceCollection AddReadinessMetrics(this IServiceCollection services, MetricsOptions options)
    {
        services.AddSingleton<ReadinessMetrics>();
        if (options.Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(ReadinessMetrics.MeterName)
                .AddPrometheusExporter());
        }

        return services;
    }

    /// <summary>
    /// Creates the instruments and, when enabled, maps <see cref="Path"/>: readable from loopback and from
    /// <c>Readiness:Metrics:AllowedNetworks</c> without signing in, and by signed-in admins; anyone else is sent to
    /// sign in. The figures tell how busy the server is, not what any checklist says.
    /// </summary>
    public static WebApplication MapReadinessMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<ReadinessMetrics>();
        var options = app.Services.GetRequiredService<IOptions<ReadinessOptions>>().Value.Metrics;
        if (options.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(policy => policy.RequireAssertion(context =>
                context.User.IsInRole(Roles.Admin)
                || (context.Resource is HttpContext http && options.AllowsAnonymous(http.Connection.RemoteIpAddress))));
        }

        return app;
    }
}
