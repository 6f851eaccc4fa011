using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Neutrality;

/// <summary>One app with demo data and one browser for the ASN neutrality journeys, started once for the feature (xunit collection fixture).</summary>
[CollectionDefinition(Name)]
public sealed class NeutralityApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(NeutralityApp.Name)]</c>.</summary>
    public const string Name = "Neutrality app";
}
