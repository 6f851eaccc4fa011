using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>
/// One app with demo data and one browser for the hosting checks that need no server of their own, started once for the feature (xunit collection fixture)
/// instead of once per test class. A test that needs a fresh server (a restart, an outage, two servers) starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostingApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(HostingApp.Name)]</c>.</summary>
    public const string Name = "Hosting app";
}
