using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Templates;

/// <summary>
/// An app of its own for the template journeys: applying templates adds items that other journeys' counts do not
/// expect, so it never shares a server with them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TemplatesApp : ICollectionFixture<AppFixture>
{
    /// <summary>The collection's name, for <c>[Collection(TemplatesApp.Name)]</c>.</summary>
    public const string Name = "Templates app";
}
