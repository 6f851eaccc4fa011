using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Live;

/// <summary>
/// One app with demo data and one browser for the live update journeys on one server, started once for the feature (xunit collection fixture)
/// instead of once per test class. A test that needs a fresh server (a restart, an outage, two servers) starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(LiveApp.Name)]</c>.</summary>
    public const string Name = "Live app";
}
