using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Api;

/// <summary>
/// One app with demo data and one browser for the export and hub access checks, started once for the feature (xunit collection fixture)
/// instead of once per test class. A test that needs a fresh server (a restart, an outage, two servers) starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(ApiApp.Name)]</c>.</summary>
    public const string Name = "Api app";
}
