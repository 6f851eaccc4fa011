using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Wall;

/// <summary>
/// One app with demo data and one browser for the wall journeys that need no restart, started once for the feature (xunit collection fixture)
/// instead of once per test class. A test that needs a fresh server (a restart, an outage, two servers) starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WallApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(WallApp.Name)]</c>.</summary>
    public const string Name = "Wall app";
}
