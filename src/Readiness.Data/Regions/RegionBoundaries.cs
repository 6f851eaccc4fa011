using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using Readiness.Data.Shared;

namespace Readiness.Data.Regions;

/// <summary>
/// Region outlines for maps drawn by the server: the boundaries of the 514 regencies/cities and 7,284 kecamatan
/// (cahyadsn/wilayah_boundaries, MIT, embedded from database/seed/wilayah-boundaries/ like the other reference data).
/// A map of a parent's children is projected once (equirectangular with a cos-latitude correction, which is true
/// enough within a province), simplified to what a 1,000-unit-wide picture can show, written as SVG path data, and
/// kept in memory: the first request for a parent pays tens of milliseconds (the nation about a second), later ones
/// nothing. Nothing is read at start-up. Thread-safe; register as a singleton.
/// </summary>
public sealed class RegionBoundaries
{
    /// <summary>The width of every map, in map units; the height follows the region's shape.</summary>
    public const int MapWidth = 1000;

    private const string RegencyResource = "boundaries/regencies.geojson";
    private const string KecamatanResourcePrefix = "boundaries/kecamatan/";

    // Room for the outline's stroke at the edges.
    private const int Margin = 6;

    // Douglas-Peucker tolerance in map units: under a pixel on a map 1,000 pixels wide, so the picture does not
    // change; the nation (provinces over 5,000 km) takes a coarser one to stay light.
    private const double Tolerance = 0.7;
    private const double NationTolerance = 1.2;

    // Islands and holes smaller than this (map units squared) cannot be seen or clicked; the largest part of a
    // region is always kept, so every region with a boundary is drawn.
    private const double MinPartArea = 1.5;

    private static readonly GeometryFactory Geometries = new(new PrecisionModel(), 0);

    private readonly ConcurrentDictionary<string, Lazy<Task<RegionMapGeometry>>> _maps = new(StringComparer.Ordinal);

    /// <summary>
    /// The outlines of the regions one level below <paramref name="parentCode"/>: the 38 provinces for the nation
    /// (<c>""</c>; each drawn as the union of its regencies, as the data has no province boundaries), the regencies
    /// of a province, the kecamatan of a regency. A kecamatan has nothing below it: the map is empty.
    /// </summary>
    /// <exception cref="InputException">The code is not a Kemendagri region code.</exception>
    public Task<RegionMapGeometry> ChildrenOfAsync(string parentCode)
    {
        if (parentCode.Length > 0 && !RegionCode.IsValid(parentCode))
        {
            throw new InputException(InputException.RegionInvalid, parentCode);
        }

        if (parentCode.Length > 0 && RegionCode.LevelOf(parentCode) == RegionLevel.District)
        {
            return Task.FromResult(RegionMapGeometry.Empty(parentCode));
        }

        // Off the caller's thread: the first build of the nation's map takes about a second of CPU.
        return _maps.GetOrAdd(parentCode, code => new Lazy<Task<RegionMapGeometry>>(() => Task.Run(() => Build(code)))).Value;
    }

    /// <summary>
    /// The codes that have a boundary in the data, for a level (regencies/cities or kecamatan; provinces have none of
    /// their own). Reads the embedded files each time: for checks, not for pages.
    /// </summary>
    public static IReadOnlyList<string> CodesWithBoundary(RegionLevel level) => level switch
    {
        RegionLevel.Regency => ReadFeatures(RegencyResource, "").Select(f => f.Code).ToList(),
        RegionLevel.District => KecamatanResources().SelectMany(r => ReadFeatures(r, "")).Select(f => f.Code).ToList(),
        _ => [],
    };

    private static IEnumerable<string> KecamatanResources() =>
        typeof(RegionBoundaries).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(KecamatanResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static RegionMapGeometry Build(string parentCode)
    {
        var features = parentCode.Length switch
        {
            0 => ReadFeatures(RegencyResource, ""),
            2 => ReadFeatures(RegencyResource, parentCode + "."),
            _ => ReadFeatures($"{KecamatanResourcePrefix}{parentCode[..2]}.geojson", parentCode + "."),
        };
        if (features.Count == 0)
        {
            return RegionMapGeometry.Empty(parentCode);
        }

        var points = features.SelectMany(f => f.Polygons).SelectMany(p => p).SelectMany(r => r).ToList();
        var (minLon, maxLon) = (points.Min(p => p.Lon), points.Max(p => p.Lon));
        var (minLat, maxLat) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var cosLat = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = (MapWidth - 2 * Margin) / Math.Max((maxLon - minLon) * cosLat, 1e-9);
        var height = (int)Math.Ceiling((maxLat - minLat) * scale) + 2 * Margin;
        Coordinate Project((double Lon, double Lat) p) => new((p.Lon - minLon) * cosLat * scale + Margin, (maxLat - p.Lat) * scale + Margin);

        var tolerance = parentCode.Length == 0 ? NationTolerance : Tolerance;
        var projected = features.Select(f => (f.Code, Geometry: Simplify(ToGeometry(f, Project, tolerance), tolerance)));
        if (parentCode.Length == 0)
        {
            // No province boundaries in the data: a province is drawn as its regencies, one path (an overlay union
            // would hide the inner borders but costs seconds and leaves slivers where neighbours do not meet exactly).
            projected = projected.GroupBy(p => p.Code[..2])
                .Select(g => (g.Key, (Geometry)Geometries.CreateMultiPolygon(g.SelectMany(p => Polygons(p.Geometry)).ToArray())));
        }

        var shapes = projected.Select(p => ToShape(p.Code, p.Geometry)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        return new RegionMapGeometry(parentCode, MapWidth, height, shapes);
    }

    private static Geometry ToGeometry(Feature feature, Func<(double Lon, double Lat), Coordinate> project, double tolerance)
    {
        var polygons = new List<Polygon>();
        foreach (var rings in feature.Polygons)
        {
            var linear = rings.Select(r => ToRing(r, project, tolerance)).ToList();
            if (linear.Count == 0 || linear[0] is null)
            {
                continue;
            }

            polygons.Add(Geometries.CreatePolygon(linear[0], linear.Skip(1).OfType<LinearRing>().ToArray()));
        }

        return Geometries.CreateMultiPolygon(polygons.ToArray());
    }

    private static LinearRing? ToRing(List<(double Lon, double Lat)> ring, Func<(double Lon, double Lat), Coordinate> project, double tolerance)
    {
        // Points closer than a fraction of the tolerance add nothing Douglas-Peucker would keep, and dropping them
        // first makes the nation's map (160,000 points) cheap to simplify.
        var coordinates = new List<Coordinate>(ring.Count);
        foreach (var point in ring)
        {
            var c = project(point);
            if (coordinates.Count == 0 || c.Distance(coordinates[^1]) >= tolerance / 4)
            {
                coordinates.Add(c);
            }
        }

        if (coordinates.Count > 0 && !coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }

        return coordinates.Count < 4 ? null : Geometries.CreateLinearRing(coordinates.ToArray());
    }

    private static Geometry Simplify(Geometry geometry, double tolerance)
    {
        // Validity is not needed to draw a path (and repairing it costs seconds for the nation): no topology fix-up.
        var simplified = new DouglasPeuckerSimplifier(geometry) { DistanceTolerance = tolerance, EnsureValidTopology = false }
            .GetResultGeometry();
        var parts = Polygons(simplified).ToList();
        if (parts.Count == 0)
        {
            // A region smaller than the tolerance would vanish: keep it as it is.
            return geometry;
        }

        var largest = parts.MaxBy(p => p.Area)!;
        var kept = parts.Where(p => ReferenceEquals(p, largest) || p.Area >= MinPartArea)
            .Select(p => Geometries.CreatePolygon(p.Shell, p.Holes.Where(h => Area(h) >= MinPartArea).ToArray()))
            .ToArray();
        return Geometries.CreateMultiPolygon(kept);
    }

    private static double Area(LinearRing ring) => NetTopologySuite.Algorithm.Area.OfRing(ring.CoordinateSequence);

    private static IEnumerable<Polygon> Polygons(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon polygon when !polygon.IsEmpty:
                    yield return polygon;
                    break;
                case GeometryCollection collection when collection != geometry:
                    foreach (var inner in Polygons(collection))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static RegionShape ToShape(string code, Geometry geometry)
    {
        var inside = geometry.IsEmpty ? null : geometry.InteriorPoint;
        var (x, y) = inside is null || inside.IsEmpty
            ? ((int)Math.Round(geometry.EnvelopeInternal.Centre?.X ?? 0), (int)Math.Round(geometry.EnvelopeInternal.Centre?.Y ?? 0))
            : ((int)Math.Round(inside.X), (int)Math.Round(inside.Y));
        var path = new StringBuilder();
        foreach (var polygon in Polygons(geometry))
        {
            WriteRing(path, polygon.ExteriorRing.Coordinates);
            foreach (var hole in polygon.InteriorRings)
            {
                WriteRing(path, hole.Coordinates);
            }
        }

        if (path.Length == 0)
        {
            // Too small to have an outline at this scale: a dot of 3 units, so it can still be seen and clicked.
            path.Append(CultureInfo.InvariantCulture, $"M{x - 1} {y - 1}h3v3h-3z");
        }

        return new RegionShape(code, path.ToString(), x, y, (int)Math.Round(geometry.Area));
    }

    // "M x y l dx dy dx dy ... z" on the integer grid: relative steps are short, and the absolute points they add
    // up to are the rounded ones, so nothing drifts.
    private static void WriteRing(StringBuilder path, Coordinate[] ring)
    {
        var points = new List<(int X, int Y)>(ring.Length);
        foreach (var c in ring)
        {
            var p = ((int)Math.Round(c.X), (int)Math.Round(c.Y));
            if (points.Count == 0 || points[^1] != p)
            {
                points.Add(p);
            }
        }

        if (points.Count > 1 && points[^1] == points[0])
        {
            points.RemoveAt(points.Count - 1);
        }

        if (points.Count < 3)
        {
            return;
        }

        path.Append('M');
        Number(path, points[0].X);
        Number(path, points[0].Y);
        path.Append('l');
        for (var i = 1; i < points.Count; i++)
        {
            Number(path, points[i].X - points[i - 1].X);
            Number(path, points[i].Y - points[i - 1].Y);
        }

        path.Append('z');
    }

    private static void Number(StringBuilder path, int value)
    {
        if (value >= 0 && char.IsAsciiDigit(path[^1]))
        {
            path.Append(' ');
        }

        path.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private static List<Feature> ReadFeatures(string resource, string codePrefix)
    {
        using var stream = typeof(RegionBoundaries).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(stream);
        var features = new List<Feature>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("code").GetString();
            if (code is null || !code.StartsWith(codePrefix, StringComparison.Ordinal)
                || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var coordinates = geometry.GetProperty("coordinates");
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [ReadPolygon(coordinates)],
                "MultiPolygon" => coordinates.EnumerateArray().Select(ReadPolygon).ToList(),
                _ => new List<List<List<(double, double)>>>(),
            };
            features.Add(new Feature(code, polygons));
        }

        return features;
    }

    private static List<List<(double Lon, double Lat)>> ReadPolygon(JsonElement polygon) =>
        polygon.EnumerateArray()
            .Select(ring => ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList())
            .ToList();

    private sealed record Feature(string Code, List<List<List<(double Lon, double Lat)>>> Polygons);
}
