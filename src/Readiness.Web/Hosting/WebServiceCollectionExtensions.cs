using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Readiness.Data.Seed;
using Readiness.Data.Sql;

namespace Readiness.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("id-ID"), new("en-US")];

    public static WebApplicationBuilder AddReadinessWeb(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        var services = builder.Services;
        services.AddOptions<ReadinessOptions>().Bind(builder.Configuration.GetSection(ReadinessOptions.SectionName));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // The language a user picked is remembered in a cookie; Indonesian otherwise, whatever the browser says.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddSingleton<DemoMode>();
        return builder;
    }

    /// <summary>Migrates (when configured) and seeds before the app serves its first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<DemoMode>();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demo.IsOn);
    }

    /// <summary>The <c>migrate</c> command: applies pending migrations and exits.</summary>
    public static async Task<int> RunMigrateCommandAsync(this WebApplication app)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        var applied = await runner.MigrateAsync();
        Console.WriteLine(applied.Count == 0
            ? "Database is up to date; no migration applied."
            : $"Applied migrations: {string.Join(", ", applied.Select(n => n.ToString("0000", CultureInfo.InvariantCulture)))}.");
        return 0;
    }
}

/// <summary>Whether this installation runs with demo data (and says so on every page).</summary>
public sealed class DemoMode(IOptions<ReadinessOptions> options, IOptions<DatabaseOptions> database)
{
    public bool IsOn { get; } = options.Value.Demo ?? database.Value.Provider == DatabaseProvider.Sqlite;
}
