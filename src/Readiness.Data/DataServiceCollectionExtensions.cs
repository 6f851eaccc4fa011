using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Sql;
using Readiness.Data.Shared;
using Readiness.Data.Administration;
using Readiness.Data.Neutrality;
using Readiness.Data.Situation;

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
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<StartupLock>();
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<Keys.DataProtectionKeyStore>();
        services.AddSingleton<ReferenceSeeder>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<RegionStore>();
        services.AddSingleton<RegionBoundaries>();
        services.AddSingleton<ElectionStore>();
        services.AddSingleton<RegionCalendar>();
        services.AddSingleton<ChecklistStore>();
        services.AddSingleton<Figures.FigureStore>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<TaskQuery>();
        services.AddSingleton<BulkUpdate>();
        services.AddSingleton<ReadinessStore>();
        services.AddSingleton<RedFlagStore>();
        services.AddSingleton<Reports.RegionReports>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<ScreenTokenStore>();
        services.AddSingleton<ContactStore>();
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.SectionName));
        services.AddSingleton<FeedSignal>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<ReadinessBoard>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ActivityFeed>();
        services.AddSingleton<FeedPump>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedPump>());
        services.AddSingleton<UserStore>();
        services.AddSingleton<IUserStore<AppUser>>(sp => sp.GetRequiredService<UserStore>());
        services.AddSingleton<IUserConfirmation<AppUser>, EnabledUserConfirmation>();
        services.AddIdentityCore<AppUser>(ConfigureIdentity);
        services.AddScoped<UserAdministration>();
        services.AddScoped<AccountSeeder>();
        AddNotifications(services, configuration);
        services.AddNeutrality();
        services.AddSituation();
        Coordination.CoordinationServiceCollectionExtensions.AddCoordination(services);
        return services;
    }

    private static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName));
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<NoticeWriter>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<WebhookStore>();
        services.AddOptions<Push.PushOptions>().Bind(configuration.GetSection(Push.PushOptions.SectionName));
        services.AddSingleton<Push.PushSubscriptionStore>();
        services.AddSingleton<WebhookSecrets>().AddDataProtection();
        services.AddSingleton<EscalationRuleStore>();
        services.AddSingleton<EscalationEngine>();
        services.AddSingleton<NotificationPump>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationPump>());
        if (configuration.GetSection(NotificationOptions.SectionName).GetValue(nameof(NotificationOptions.RunInBackground), true))
        {
            services.AddHostedService<EscalationWorker>();
        }
    }

    /// <summary>
    /// Officials' passwords: length over complexity (a passphrase of 12 characters or more, no forced symbols); five
    /// wrong passwords lock the account for 15 minutes; a disabled user cannot sign in.
    /// </summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
        options.SignIn.RequireConfirmedAccount = true; // "confirmed" means "not disabled": see EnabledUserConfirmation
    }
}
