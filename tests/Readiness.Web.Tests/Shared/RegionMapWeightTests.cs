using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>
/// The markup budget of a regency's map (80 KB) for the heaviest regencies, and the weight and render time of the
/// national map, written to bench/out/map-weight.txt for bench/RESULTS.md. Times are recorded, never asserted.
/// </summary>
public class RegionMapWeightTests : BunitContext
{
    private static readonly RegionBoundaries Boundaries = new();

    public RegionMapWeightTests()
    {
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Theory]
    [InlineData("96.03")] // the most boundary points of any regency
    [InlineData("95.03")] // the most kecamatan of any regency (51)
    [InlineData("64.02")]
    [InlineData("")] // the nation: 38 provinces drawn from their regencies
    public async Task A_maps_markup_stays_within_80_KB_and_its_weight_is_recorded(string code)
    {
        var build = Stopwatch.StartNew();
        var geometry = await Boundaries.ChildrenOfAsync(code);
        build.Stop();
        var figures = geometry.Shapes.Select((s, i) => new RegionMapFigure(s.Code, $"Wilayah {s.Code}",
            new ReadinessCounts(i % 5, 2, 3, i % 3), i % 4, i % 7 == 0 ? RiskLevel.High : null)).ToList();

        var cut = Render<RegionMap>(p => p.Add(x => x.Geometry, geometry).Add(x => x.Regions, figures).Add(x => x.Title, "Peta"));
        const int renders = 20;
        var render = Stopwatch.StartNew();
        for (var i = 0; i < renders; i++)
        {
            cut.Render(p => p.Add(x => x.Regions, figures.Select(f => f with { Overdue = f.Overdue + i }).ToList()));
        }

        render.Stop();
        var bytes = System.Text.Encoding.UTF8.GetByteCount(cut.Markup);

        Assert.Equal(geometry.Shapes.Count, cut.FindAll("a.region-map-region").Count);
        Assert.InRange(bytes, 1, 80 * 1024);
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "bench", "out");
        Directory.CreateDirectory(folder);
        await File.AppendAllTextAsync(Path.Combine(folder, "map-weight.txt"),
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} {(code.Length == 0 ? "nation" : code)}: {geometry.Shapes.Count} shapes, {bytes:N0} bytes of markup, " +
            $"first build {build.ElapsedMilliseconds} ms, render {render.Elapsed.TotalMilliseconds / renders:F1} ms (mean of {renders})\n");
    }
}
