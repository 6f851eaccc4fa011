namespace Readiness.Web.Api;

/// <summary>A quick stop: hub connections closed at once and a short shutdown timeout.</summary>
public static class ShutdownServiceCollectionExtensions
{
    /// <summary>
    /// The default of <c>Readiness:ShutdownTimeout</c>: how long a stopping app waits for requests and background
    /// services to end before it ends them.
    /// </summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers <see cref="HubShutdown"/> and sets the host's shutdown timeout from <c>Readiness:ShutdownTimeout</c>
    /// (a TimeSpan, default 5 s instead of the host's 30 s: hub connections are closed at once, the outbox and the
    /// escalation work in short batches and resume from the database).
    /// </summary>
    public static IServiceCollection AddReadinessShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = configuration.GetValue<TimeSpan?>("Readiness:ShutdownTimeout") ?? DefaultShutdownTimeout;
        services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
        services.AddHostedService<HubShutdown>();
        return services;
    }
}
