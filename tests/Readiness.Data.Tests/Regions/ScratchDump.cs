using System.Diagnostics;
using Readiness.Data.Regions;
namespace Readiness.Data.Tests.Regions;
public sealed class ScratchDump
{
    [Fact]
    public async Task Dump()
    {
        foreach (var code in new[] { "", "64", "64.02", "96.03", "95.03", "72.06", "34.02", "52.71" })
        {
            var sw = Stopwatch.StartNew();
            var map = await new RegionBoundaries().ChildrenOfAsync(code);
            var ms = sw.ElapsedMilliseconds;
            var paths = string.Join("\n", map.Shapes.Select(s => $"<path d=\"{s.Path}\" fill=\"#9c9\" stroke=\"#fff\" fill-rule=\"evenodd\"/><circle cx=\"{s.LabelX}\" cy=\"{s.LabelY}\" r=\"4\"/>"));
            File.WriteAllText($"/tmp/map-{(code == "" ? "id" : code)}.svg", $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{map.ViewBox}\" width=\"1000\">{paths}</svg>");
            File.AppendAllText("/tmp/map-sizes.txt", $"{code}: {map.Shapes.Count} shapes, {map.Shapes.Sum(s => s.Path.Length)} bytes, {map.Width}x{map.Height}, {ms} ms\n");
        }
    }
}
