using Microsoft.Extensions.DependencyInjection;

namespace Readiness.Data.Neutrality;

/// <summary>Registers the ASN neutrality services.</summary>
public static class NeutralityServiceCollectionExtensions
{
    /// <summary>The neutrality store (a singleton that opens a connection per operation) and the demo seeder.</summary>
    public static IServiceCollection AddNeutrality(this IServiceCollection services)
    {
        services.AddSingleton<NeutralityStore>();
        services.AddSingleton<NeutralityDemoSeeder>();
        return services;
    }
}
