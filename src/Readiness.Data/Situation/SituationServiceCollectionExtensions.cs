using Microsoft.Extensions.DependencyInjection;

namespace Readiness.Data.Situation;

/// <summary>Registers the Kamtibmas situation and the incident log.</summary>
public static class SituationServiceCollectionExtensions
{
    /// <summary>The stores (singletons that open a connection per operation) and their notices.</summary>
    public static IServiceCollection AddSituation(this IServiceCollection services)
    {
        services.AddSingleton<SituationNotices>();
        services.AddSingleton<SituationStore>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<SituationSeeder>();
        return services;
    }
}
