using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Tasks;

/// <summary>
/// One app with demo data and one browser for the liaison journeys, started once for the feature (xunit collection fixture)
/// instead of once per test class. A test that needs a fresh server (a restart, an outage, two servers) starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TasksApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(TasksApp.Name)]</c>.</summary>
    public const string Name = "Tasks app";
}
