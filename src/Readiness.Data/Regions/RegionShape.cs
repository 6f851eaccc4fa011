namespace Readiness.Data.Regions;

/// <summary>
/// One region's outline on a map, already projected: <see cref="Path"/> is SVG path data in the map's own units
/// (see <see cref="RegionMapGeometry"/>: x to the east, y to the south, integers), one subpath per ring; islands and
/// holes are further subpaths (draw it with <c>fill-rule="evenodd"</c>). <see cref="LabelX"/> and
/// <see cref="LabelY"/> are a point inside the shape, where a name or a marker can sit; <see cref="Area"/> is the
/// shape's area in map units squared, so a map can leave the names of the smallest shapes to their tooltips.
/// </summary>
public sealed record RegionShape(string Code, string Path, int LabelX, int LabelY, int Area);
