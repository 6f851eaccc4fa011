using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using MudBlazor;
using MudBlazor.Services;
using Readiness.Data.Accounts;
using Readiness.Data.Seed;
using Readiness.Web.Accounts;
using Readiness.Web.Api;
using Readiness.Web.Components.Pages.Tasks;
using Readiness.Web.Hosting;
using Readiness.Web.Live;
using Readiness.Web.Notifications;
using Readiness.Data.Sql;

namespace Readiness.Web;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddReadinessWeb(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        var services = builder.Services;
        services.AddOptions<ReadinessOptions>().Bind(builder.Configuration.GetSection(ReadinessOptions.SectionName));
        // 128 KB (the default is 32 KB): text pasted past a field's maxlength by a script reaches the field, which says it
        // is too long, instead of the circuit dropping and the value being lost. Every field is far below this.
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 128 * 1024);
        // The JSON API (readiness of a region, a liaison's status change) described at /openapi/v1.json for signed-in users.
        services.AddOpenApi();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, Readiness.Web.Resources.ReadinessMudLocalizer>();
        // Strings in Resources/SharedResource(.en).resx, named by the namespace of Resources/SharedResource.cs.
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CultureEndpoints.SupportedCultures[0]);
            options.SupportedCultures = CultureEndpoints.SupportedCultures;
            options.SupportedUICultures = CultureEndpoints.SupportedCultures;
            // The language a user picked is remembered in a cookie; Indonesian otherwise, whatever the browser says.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddSingleton<DemoMode>();
        services.AddReadinessAccounts(builder.Configuration);
        var readiness = builder.Configuration.GetSection(ReadinessOptions.SectionName).Get<ReadinessOptions>() ?? new ReadinessOptions();
        services.AddReadinessDataProtection(readiness.KeyCertificate);
        if (readiness.TrustForwardedHeaders)
        {
            services.Configure<ForwardedHeadersOptions>(options => ForwardedHeadersSetup.Configure(options, readiness.TrustedProxies));
        }
        services.AddReadinessMetrics(readiness.Metrics);
        services.AddReadinessNotifications(builder.Configuration);
        services.AddSignalR(options => options.AddFilter<HubErrorLog>());
        builder.Logging.AddFilter(HubErrorLog.DispatcherCategory, LogLevel.Critical);
        services.AddReadinessCompression();
        services.AddScoped<NoteDrafts>();
        services.AddHostedService<HubRelay>();
        services.AddSingleton<HubConnections>();
        services.AddHostedService<HubAccessRevalidation>();
        services.AddReadinessShutdown(builder.Configuration);
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitCounter>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>Migrates (when configured) and seeds before the app serves its first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<DemoMode>();
        if (demo.IsOnOutsideDevelopment)
        {
            app.Logger.LogCritical(
                "DEMO MODE IS ON in the {Environment} environment (Readiness:Demo=true): the sign-in page shows working demo " +
                "credentials, including liaison accounts that can change items. Never run a real election on this installation.",
                app.Environment.EnvironmentName);
            Console.WriteLine($"""

                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                 WARNING: DEMO MODE IS ON in '{app.Environment.EnvironmentName}' (Readiness:Demo=true).
                 The sign-in page shows working demo credentials. Not for a real election.
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

                """);
        }

        // The first accounts are made under the same lock as the migrations: two servers starting on a fresh
        // database would otherwise both create 'admin'.
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demo.IsOn, async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
            if (await accounts.EnsureAdminAsync() is { } password)
            {
                // Printed once, to the console only (never to the structured log); stored only as a hash.
                Console.WriteLine($"""

                    ================================================================
                     First start: user '{AccountSeeder.AdminUserName}' created with password: {password}
                     Write it down now; it is not shown again. Change it under /admin.
                    ================================================================

                    """);
            }

            if (demo.IsOn)
            {
                await accounts.EnsureDemoUsersAsync(demo.Password, DemoSeeder.DemoRegions);
                Console.WriteLine($"""
                    Mode demo: users {string.Join(", ", AccountSeeder.DemoUserNames)}
                               password '{demo.Password}' (Readiness:DemoPassword)
                    """);
            }
        });
    }

    /// <summary>The <c>backup PATH</c> command: an online copy of the SQLite database, safe while the app serves.</summary>
    public static async Task<int> RunBackupCommandAsync(this WebApplication app, string path)
    {
        var target = await app.Services.GetRequiredService<DatabaseBackup>().BackupAsync(path);
        var check = await DatabaseBackup.IntegrityCheckAsync(target);
        Console.WriteLine($"Backup written to {target}; integrity check: {check}.");
        return check == "ok" ? 0 : 1;
    }

    /// <summary>The <c>migrate</c> command: applies pending migrations and exits.</summary>
    public static async Task<int> RunMigrateCommandAsync(this WebApplication app)
    {
        IReadOnlyList<string> applied;
        await using (await app.Services.GetRequiredService<StartupLock>().AcquireAsync())
        {
            applied = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        Console.WriteLine(applied.Count == 0
            ? "Database is up to date; no migration applied."
            : $"Applied migrations: {string.Join(", ", applied.Select(Path.GetFileName))}.");
        return 0;
    }
}
