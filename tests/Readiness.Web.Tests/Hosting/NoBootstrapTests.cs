using System.Text.RegularExpressions;

namespace Readiness.Web.Tests.Hosting;

/// <summary>
/// Every screen is drawn by MudBlazor and the one theme: no Bootstrap class or bootstrap-icons reference may come
/// back into the web project's source (a Bootstrap class without Bootstrap's stylesheet renders as unstyled markup).
/// </summary>
public class NoBootstrapTests
{
    private static readonly string[] Extensions = [".razor", ".cs", ".css", ".js"];

    // Class names only Bootstrap defines (buttons, forms, icons, grid, cards, lists, breadcrumbs, alerts, badges, tables,
    // hidden text) and its name. MudBlazor's own utility classes that share a name with Bootstrap's (d-flex, gap-2,
    // align-center, mb-3) are MudBlazor's stylesheet and allowed.
    private static readonly Regex BootstrapPattern = new(
        @"btn btn-|\bbtn-(primary|secondary|outline-[a-z]+|sm|lg)\b|form-control|form-select|form-check|bi bi-|\bcol-(sm|md|lg|xl)-|card-body|list-group|breadcrumb-item|visually-hidden|text-body-secondary|alert alert-|badge bg-|table table-|bootstrap",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void No_source_file_of_the_web_project_uses_a_Bootstrap_class_or_names_bootstrap()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "Readiness.Web");
        var files = SourceFiles(root).ToList();
        Assert.Contains(files, f => f.EndsWith("App.razor", StringComparison.Ordinal)); // the walk found the project

        var hits = (from file in files
                    from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
                    let match = BootstrapPattern.Match(line.text)
                    where match.Success
                    select $"{Path.GetRelativePath(root, file)}:{line.number}: {match.Value}").ToList();

        Assert.True(hits.Count == 0, "Bootstrap left in:\n" + string.Join('\n', hits));
    }

    [Fact]
    public void Bootstrap_and_bootstrap_icons_are_no_longer_served()
    {
        var lib = Path.Combine(RepositoryRoot(), "src", "Readiness.Web", "wwwroot", "lib");
        Assert.False(Directory.Exists(Path.Combine(lib, "bootstrap")));
        Assert.False(Directory.Exists(Path.Combine(lib, "bootstrap-icons")));
    }

    /// <summary>
    /// The project's own .razor, .cs, .css and .js files: build output (bin, obj) is not source, nor are the libraries
    /// served from wwwroot/lib (MudBlazor's stylesheet there names Bootstrap's classes in its own rules).
    /// </summary>
    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => !Path.GetRelativePath(root, f).StartsWith(Path.Combine("wwwroot", "lib"), StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Readiness.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Readiness.sln not found above " + AppContext.BaseDirectory);
    }
}
