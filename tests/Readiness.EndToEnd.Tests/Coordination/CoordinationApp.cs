using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Coordination;

/// <summary>One app with demo data and one browser for the coordination journey.</summary>
[CollectionDefinition(Name)]
public sealed class CoordinationApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(CoordinationApp.Name)]</c>.</summary>
    public const string Name = "Coordination app";
}
