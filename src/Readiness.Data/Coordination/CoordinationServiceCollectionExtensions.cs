using Microsoft.Extensions.DependencyInjection;

namespace Readiness.Data.Coordination;

/// <summary>Registers coordination's stores (singletons opening a connection per operation).</summary>
public static class CoordinationServiceCollectionExtensions
{
    /// <summary>Visits and instructions, requests for help and their 24-hour sweep, readiness declarations.</summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddSingleton<VisitStore>();
        services.AddSingleton<HelpRequestStore>();
        services.AddSingleton<DeclarationStore>();
        services.AddSingleton<HelpRequestSweep>();
        services.AddSingleton<CoordinationDemoSeeder>();
        services.AddSingleton<Notifications.IEscalationSweep>(sp => sp.GetRequiredService<HelpRequestSweep>());
        return services;
    }
}
