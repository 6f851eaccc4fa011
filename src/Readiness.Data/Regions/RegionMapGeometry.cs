namespace Readiness.Data.Regions;

/// <summary>
/// The outlines of the regions one level below <see cref="ParentCode"/> (<c>""</c> for the nation), projected
/// together into one plane <see cref="Width"/> by <see cref="Height"/> units (1,000 units wide, north up). A region
/// missing here has no boundary in the data (72.06.20 Sombori Kepulauan); it is still a region in every list.
/// </summary>
public sealed record RegionMapGeometry(string ParentCode, int Width, int Height, IReadOnlyList<RegionShape> Shapes)
{
    private readonly Dictionary<string, RegionShape> _byCode = Shapes.ToDictionary(s => s.Code, StringComparer.Ordinal);

    /// <summary>No region to draw (a kecamatan's page, or a parent without boundaries).</summary>
    public static RegionMapGeometry Empty(string parentCode) => new(parentCode, 0, 0, []);

    /// <summary>The SVG viewBox that holds every shape.</summary>
    public string ViewBox => $"0 0 {Width} {Height}";

    /// <summary>The shape of a region one level down, or null when the data has no boundary for it.</summary>
    public RegionShape? Find(string code) => _byCode.GetValueOrDefault(code);
}
