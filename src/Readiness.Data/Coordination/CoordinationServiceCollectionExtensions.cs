using Microsoft.Extensions.DependencyInjection;

namespace Readiness.Data.Coordination;

/// <summary>Registers coordination's stores (singletons opening a connection per operation).</summary>
public static class CoordinationServiceCollectionExtensions
{
    /// <summary>Visits and instructions, requests for help, readiness declarations.</summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddSingleton<VisitStore>();
        services.AddSingleton<HelpRequestStore>();
        services.AddSingleton<DeclarationStore>();
        return services;
    }
}
