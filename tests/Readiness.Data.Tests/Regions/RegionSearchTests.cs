namespace Readiness.Data.Tests.Regions;

/// <summary>Finding a region by what an admin types, on the real region list (seeded from idn-area-data).</summary>
public sealed class RegionSearchTests
{
    [Fact]
    public async Task Words_of_a_name_find_the_region_whatever_their_case()
    {
        using var db = await new TestDatabase().ReadyAsync();

        var found = await db.Regions.SearchAsync("kutai karta");

        Assert.Equal("64.02", found[0].Code);
        Assert.Equal("KUTAI KARTANEGARA", found[0].Name.ToUpperInvariant().Replace("KABUPATEN ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_code_prefix_finds_the_region_then_its_kecamatan_and_higher_levels_come_first()
    {
        using var db = await new TestDatabase().ReadyAsync();

        var found = await db.Regions.SearchAsync("64.02");

        Assert.Equal("64.02", found[0].Code);
        Assert.All(found, r => Assert.StartsWith("64.02", r.Code, StringComparison.Ordinal));
        Assert.Equal(found.OrderBy(r => r.Level).Select(r => r.Code), found.Select(r => r.Code));
        Assert.Equal(Readiness.Data.Regions.RegionStore.MaxSearchResults, found.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Blank_text_or_a_bare_wildcard_finds_nothing(string text)
    {
        using var db = await new TestDatabase().ReadyAsync();

        Assert.Empty(await db.Regions.SearchAsync(text));
    }

    [Fact]
    public async Task Overlong_text_finds_nothing_and_does_not_fail()
    {
        using var db = await new TestDatabase().ReadyAsync();

        Assert.Empty(await db.Regions.SearchAsync(new string('a', 5000)));
    }
}
