using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Situation;

/// <summary>One app with demo data and one browser for the Kamtibmas journeys (xunit collection fixture).</summary>
[CollectionDefinition(Name)]
public sealed class SituationApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(SituationApp.Name)]</c>.</summary>
    public const string Name = "Situation app";
}
