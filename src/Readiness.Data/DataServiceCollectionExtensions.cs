using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Sql;

namespace Readiness.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connection factory chosen by <c>Database:Provider</c> and the stores. Every store is a singleton
    /// that opens a connection per operation.
    /// </summary>
    public static IServiceCollection AddReadinessData(this IServiceCollection services, IConfiguration configuration)
    {
        TypeHandlers.Register();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    var configured = configuration.GetConnectionString("Readiness");
                    o.ConnectionString = string.IsNullOrWhiteSpace(configured) ? null : configured;
                }
            });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ReferenceSeeder>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<RegionStore>();
        services.AddSingleton<ElectionStore>();
        services.AddSingleton<ChecklistStore>();
        services.AddSingleton<ReadinessStore>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
