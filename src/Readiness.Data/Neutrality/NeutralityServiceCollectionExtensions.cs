using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Notifications;

namespace Readiness.Data.Neutrality;

/// <summary>Registers the ASN neutrality services.</summary>
public static class NeutralityServiceCollectionExtensions
{
    /// <summary>The neutrality store (a singleton that opens a connection per operation), the demo seeder and the past-deadline sweep.</summary>
    public static IServiceCollection AddNeutrality(this IServiceCollection services)
    {
        services.AddSingleton<NeutralityStore>();
        services.AddSingleton<NeutralityDemoSeeder>();
        services.AddSingleton<IEscalationSweep, NeutralitySweep>();
        return services;
    }
}
