using System.Text.RegularExpressions;

namespace Readiness.Web.Tests;

/// <summary>
/// Every C# file of src/ declares at most one public type at its top level, named as the file (a component's
/// <c>X.razor.cs</c> holds <c>X</c>), so a type is found by its name. Types nested in another are part of it.
/// </summary>
public sealed partial class OneTypePerFileTests
{
    [Fact]
    public void Every_source_file_holds_at_most_one_public_type_and_it_is_named_as_the_file()
    {
        var files = SourceFiles().ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found");

        var wrong = files
            .Select(file => (File: file, Types: PublicTopLevelTypes(File.ReadAllText(file))))
            .Where(f => f.Types.Count > 1 || (f.Types.Count == 1 && f.Types[0] != TypeNameOf(f.File)))
            .Select(f => $"{Path.GetRelativePath(SourceFolder(), f.File)}: {string.Join(", ", f.Types)}")
            .ToList();

        Assert.True(wrong.Count == 0, "files whose public types are not one named as the file:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void A_second_public_type_and_a_misnamed_one_are_both_seen()
    {
        const string source = """
            namespace Readiness.Data.Checklists;

            /// <summary>One.</summary>
            public sealed record ItemView
            {
                public sealed record Nested;
            }

            internal sealed class Helper;

            public static partial class RegionCode;
            """;

        Assert.Equal(["ItemView", "RegionCode"], PublicTopLevelTypes(source));
    }

    private static List<string> PublicTopLevelTypes(string source) =>
        TopLevelPublicType().Matches(source).Select(m => m.Groups["name"].Value).ToList();

    // File-scoped namespaces throughout: a type at the top level starts its line; a nested one is indented.
    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|partial|readonly|unsafe|file)\s+)*(?:class|record\s+struct|record|struct|interface|enum|delegate\s+[\w<>\[\],?\s]+?)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();

    private static string TypeNameOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return name.EndsWith(".razor", StringComparison.Ordinal) ? name[..^".razor".Length] : name;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));

    private static string SourceFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "Readiness.Data")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "src");
    }
}
