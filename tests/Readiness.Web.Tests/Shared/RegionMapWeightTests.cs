using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>
/// The markup budget of a map (80 KB) for the heaviest regencies and the nation. Bytes and render times are measured
/// by bench/Readiness.Bench (<c>maps</c>) and written in bench/RESULTS.md.
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
    public async Task A_maps_markup_stays_within_80_KB(string code)
    {
        var geometry = await Boundaries.ChildrenOfAsync(code);
        var figures = geometry.Shapes.Select((s, i) => new RegionMapFigure(s.Code, $"Wilayah {s.Code}",
            new ReadinessCounts(i % 5, 2, 3, i % 3), i % 4, i % 7 == 0 ? RiskLevel.High : null)).ToList();

        var cut = Render<RegionMap>(p => p.Add(x => x.Geometry, geometry).Add(x => x.Regions, figures).Add(x => x.Title, "Peta"));
        var bytes = System.Text.Encoding.UTF8.GetByteCount(cut.Markup);

        Assert.Equal(geometry.Shapes.Count, cut.FindAll("a.region-map-region").Count);
        Assert.InRange(bytes, 1, 80 * 1024);
    }
}
