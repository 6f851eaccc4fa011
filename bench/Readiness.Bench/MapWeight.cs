using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Components.Shared;

namespace Readiness.Bench;

/// <summary>
/// The weight of a region's map: bytes of the <see cref="RegionMap"/> component's HTML, the time to read, project
/// and simplify its boundaries the first time (<see cref="RegionBoundaries.ChildrenOfAsync"/>, cached afterwards),
/// and the mean time of a render with new figures. Rendered by Blazor's own <see cref="HtmlRenderer"/> in Indonesian,
/// with made-up figures that vary per region so that every colour class and marker is drawn.
/// </summary>
public static class MapWeight
{
    /// <summary>The measured figures of one map.</summary>
    /// <param name="Code">Region code whose children are drawn; empty for the nation.</param>
    /// <param name="Shapes">Number of child regions drawn.</param>
    /// <param name="Bytes">UTF-8 bytes of the map's HTML.</param>
    /// <param name="FirstBuild">Reading and simplifying the boundaries the first time.</param>
    /// <param name="Render">Mean time of one render with new figures.</param>
    public sealed record Result(string Code, int Shapes, int Bytes, TimeSpan FirstBuild, TimeSpan Render)
    {
        /// <inheritdoc />
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{(Code.Length == 0 ? "nation" : Code)}: {Shapes} shapes, {Bytes:N0} bytes of markup, first build {FirstBuild.TotalMilliseconds:F0} ms, render {Render.TotalMilliseconds:F1} ms (mean)");
    }

    /// <summary>Measures the map of <paramref name="code"/>'s children, rendering it <paramref name="renders"/> times.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="renders"/> is below 1.</exception>
    public static async Task<Result> MeasureAsync(string code, int renders = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(renders, 1);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        var boundaries = new RegionBoundaries();
        var build = Stopwatch.StartNew();
        var geometry = await boundaries.ChildrenOfAsync(code);
        build.Stop();

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = "";
        var render = Stopwatch.StartNew();
        for (var i = 0; i < renders; i++)
        {
            var round = i;
            var figures = geometry.Shapes.Select((s, n) => new RegionMapFigure(s.Code, $"Wilayah {s.Code}",
                new ReadinessCounts(n % 5, 2, 3, (n + round) % 3), n % 4 + round, n % 7 == 0 ? RiskLevel.High : null)).ToList();
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(RegionMap.Geometry)] = geometry,
                [nameof(RegionMap.Regions)] = figures,
                [nameof(RegionMap.Title)] = "Peta",
            });
            html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<RegionMap>(parameters)).ToHtmlString());
        }

        render.Stop();
        return new Result(code, geometry.Shapes.Count, System.Text.Encoding.UTF8.GetByteCount(html), build.Elapsed, render.Elapsed / renders);
    }
}
