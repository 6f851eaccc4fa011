using Readiness.Data.Notifications;

namespace Readiness.Web.Notifications;

/// <summary>Delivery of notifications outside the app: the webhook and push clients, the SMTP sender and the outbox worker.</summary>
public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddReadinessNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(WebhookSender.ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Readiness-Webhooks/1.0"))
            // A receiver's redirect is not followed: the registered URL is the only one that gets the signed body. Every
            // connection is opened by the connector, which refuses internal addresses after name resolution.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
                UseProxy = false,
            });
        services.AddHttpClient(PushSender.ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Readiness-Push/1.0"))
            // A push endpoint is a URL a browser handed in: the same guard as a webhook's, checked after name resolution.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<PushConnector>().ConnectAsync,
                UseProxy = false,
            });
        services.AddSingleton<PushConnector>();
        services.AddSingleton<PushSender>();
        services.AddSingleton<WebhookConnector>();
        services.AddSingleton<NotificationText>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<OutboxWorker>();
        if (configuration.GetSection(NotificationOptions.SectionName).GetValue(nameof(NotificationOptions.RunInBackground), true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        }

        return services;
    }
}
