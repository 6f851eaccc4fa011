using Readiness.Data.Regions;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Regions;

public sealed class RegionBoundariesTests
{
    private readonly RegionBoundaries _boundaries = new();

    [Fact]
    public void Every_boundary_code_is_a_region_of_the_seed()
    {
        var regencies = SeedCsv.Read<RegencyRow>("idn-area-data/regencies.csv").Select(r => r.Code).ToHashSet();
        var districts = SeedCsv.Read<DistrictRow>("idn-area-data/districts.csv").Select(d => d.Code).ToHashSet();

        var strayRegencies = RegionBoundaries.CodesWithBoundary(RegionLevel.Regency).Where(c => !regencies.Contains(c)).ToList();
        var strayDistricts = RegionBoundaries.CodesWithBoundary(RegionLevel.District).Where(c => !districts.Contains(c)).ToList();

        Assert.Empty(strayRegencies);
        Assert.Empty(strayDistricts);
    }

    [Fact]
    public void Every_regency_has_a_boundary_and_only_sombori_kepulauan_lacks_one_among_kecamatan()
    {
        var regencies = SeedCsv.Read<RegencyRow>("idn-area-data/regencies.csv");
        var districts = SeedCsv.Read<DistrictRow>("idn-area-data/districts.csv");
        var regencyBoundaries = RegionBoundaries.CodesWithBoundary(RegionLevel.Regency).ToHashSet();
        var districtBoundaries = RegionBoundaries.CodesWithBoundary(RegionLevel.District).ToHashSet();

        Assert.Equal(514, regencyBoundaries.Count);
        Assert.DoesNotContain(regencies, r => !regencyBoundaries.Contains(r.Code));
        var missing = Assert.Single(districts, d => !districtBoundaries.Contains(d.Code));
        Assert.Equal("72.06.20", missing.Code);
        Assert.Equal("Sombori Kepulauan", missing.Name);
    }

    [Fact]
    public async Task A_regency_map_has_one_shape_per_kecamatan_inside_its_plane()
    {
        var map = await _boundaries.ChildrenOfAsync("64.02");

        Assert.Equal(20, map.Shapes.Count);
        Assert.All(map.Shapes, s => Assert.StartsWith("64.02.", s.Code));
        Assert.Equal(RegionBoundaries.MapWidth, map.Width);
        Assert.All(map.Shapes, s =>
        {
            Assert.StartsWith("M", s.Path);
            Assert.InRange(s.LabelX, 0, map.Width);
            Assert.InRange(s.LabelY, 0, map.Height);
        });
    }

    [Fact]
    public async Task The_map_of_sombori_kepulauans_regency_leaves_only_it_out()
    {
        var districts = SeedCsv.Read<DistrictRow>("idn-area-data/districts.csv").Where(d => d.RegencyCode == "72.06").ToList();

        var map = await _boundaries.ChildrenOfAsync("72.06");

        Assert.Equal(["72.06.20"], districts.Select(d => d.Code).Where(c => map.Find(c) is null));
        Assert.Equal(districts.Count - 1, map.Shapes.Count);
    }

    [Fact]
    public async Task The_nation_is_drawn_as_its_38_provinces_and_a_province_as_its_regencies()
    {
        var nation = await _boundaries.ChildrenOfAsync("");
        var eastKalimantan = await _boundaries.ChildrenOfAsync("64");

        Assert.Equal(38, nation.Shapes.Count);
        Assert.NotNull(nation.Find("64"));
        Assert.Equal(["64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"],
            eastKalimantan.Shapes.Select(s => s.Code));
    }

    [Fact]
    public async Task A_map_is_built_once_and_then_served_from_memory()
    {
        var first = await _boundaries.ChildrenOfAsync("64.02");
        var second = await _boundaries.ChildrenOfAsync("64.02");

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_kecamatan_has_no_map_below_it_and_a_bad_code_is_refused()
    {
        Assert.Empty((await _boundaries.ChildrenOfAsync("64.02.05")).Shapes);
        await Assert.ThrowsAsync<InputException>(() => _boundaries.ChildrenOfAsync("64.02'--"));
    }

    [Theory]
    [InlineData("96.03")] // the most boundary points of any regency
    [InlineData("95.03")] // the most kecamatan of any regency
    [InlineData("64.02")]
    public async Task A_regencys_paths_stay_well_under_the_80_KB_markup_budget(string code)
    {
        var map = await _boundaries.ChildrenOfAsync(code);

        // The rest of a shape's markup (link, name, classes) is a few hundred bytes; 60 KB of paths leaves room for it.
        Assert.InRange(map.Shapes.Sum(s => s.Path.Length), 1, 60_000);
    }
}
