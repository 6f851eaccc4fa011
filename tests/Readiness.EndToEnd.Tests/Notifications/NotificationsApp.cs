using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Notifications;

/// <summary>
/// One app with demo data and one browser for the inbox journeys that leave the unread notices as they found them, started once for the feature (xunit collection fixture)
/// instead of once per test class. A test that needs a fresh server (a restart, an outage, two servers) starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NotificationsApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(NotificationsApp.Name)]</c>.</summary>
    public const string Name = "Notifications app";
}
