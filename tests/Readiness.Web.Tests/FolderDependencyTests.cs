using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;

namespace Readiness.Web.Tests;

/// <summary>
/// The folders (namespaces) of Readiness.Data and Readiness.Web depend on each other without a circle: each can be
/// read, changed and tested with only the folders below it. ArchUnitNET reads the compiled assemblies, so every use
/// counts: signatures, attributes, fields, and the types and members each method body names.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly Architecture Architecture = new ArchLoader()
        .LoadAssemblies(typeof(Data.DataServiceCollectionExtensions).Assembly, typeof(Resources.SharedResource).Assembly)
        .Build();

    // Every namespace under Readiness is its own slice: Data.Checklists, Web.Components.Pages.Regions, ...
    private static GivenSlices Folders => SliceRuleDefinition.Slices().Matching("Readiness.(**)");

    [Fact]
    public void No_folder_of_Data_or_Web_depends_on_another_in_a_circle() =>
        Folders.Should().BeFreeOfCycles().Check(Architecture);

    [Fact]
    public void The_rule_sees_every_folder_of_both_projects()
    {
        // A pattern that matched nothing would pass the rule above without judging anything.
        var folders = Folders.GetObjects(Architecture).Select(s => s.Description).ToList();

        Assert.True(folders.Count > 30, $"only {folders.Count} folders: {string.Join(", ", folders)}");
        Assert.Contains(folders, f => f.Contains("Data.Checklists", StringComparison.Ordinal));
        Assert.Contains(folders, f => f.Contains("Web.Components.Pages.Regions", StringComparison.Ordinal));
    }
}
