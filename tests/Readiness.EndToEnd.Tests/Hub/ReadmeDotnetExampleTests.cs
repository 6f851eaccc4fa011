using System.Text.RegularExpressions;
using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Hub;

/// <summary>
/// The README's .NET client example is docs/dotnet-client/ReadinessListener.cs word for word; that file is compiled
/// into this project and run by the hub tests, so the example in the README cannot drift from code that works.
/// </summary>
public sealed class ReadmeDotnetExampleTests
{
    [Fact]
    public async Task Readme_quotes_the_compiled_dotnet_client_example_exactly()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "README.md"));
        var example = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "docs", "dotnet-client", "ReadinessListener.cs"));

        var blocks = Regex.Matches(readme, @"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups["code"].Value)
            .ToList();

        Assert.Contains(example.ReplaceLineEndings("\n"), blocks.Select(b => b.ReplaceLineEndings("\n")));
    }
}
