using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Readiness.Data.Regions;

namespace Readiness.Web.Components.Shared;

/// <summary>
/// The regions one level down on a map drawn by the server (see <see cref="RegionBoundaries"/>): each filled by the
/// chosen <see cref="RegionMapMeasure"/> on a sequential scale that reads in grey too, high-risk regions hatched, a
/// marker on each region with a Kendala, each a link to its page named with its figures. The figures come in as a
/// parameter from the page's live state, so the colours follow every change the page follows.
/// </summary>
public partial class RegionMap
{
    private static int _instances;
    private readonly string _id = "map" + Interlocked.Increment(ref _instances).ToString(CultureInfo.InvariantCulture);
    private RegionMapMeasure _measure;
    private string? _focusedCode;

    /// <summary>The outlines of the regions one level down (<see cref="RegionBoundaries.ChildrenOfAsync"/>).</summary>
    [Parameter, EditorRequired] public RegionMapGeometry Geometry { get; set; } = RegionMapGeometry.Empty("");

    /// <summary>Every region one level down with its figures; one without a shape is named as not drawn.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<RegionMapFigure> Regions { get; set; } = [];

    /// <summary>The map's heading and the SVG's accessible name ("Kecamatan di Kutai Kartanegara").</summary>
    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>What the regions are coloured by at first; the switch changes it.</summary>
    [Parameter] public RegionMapMeasure Measure { get; set; }

    /// <summary>Called when a reader switches the measure.</summary>
    [Parameter] public EventCallback<RegionMapMeasure> MeasureChanged { get; set; }

    /// <summary>Shows the readiness / Kendala / overdue switch (off on print and on the wall).</summary>
    [Parameter] public bool ShowSwitch { get; set; } = true;

    /// <summary>Offer the Kamtibmas colours in the switch (the figures carry <see cref="RegionMapFigure.Situation"/>).</summary>
    [Parameter] public bool ShowSituation { get; set; }

    /// <summary>Each region links to its page (off on the wall, which nobody clicks).</summary>
    [Parameter] public bool Linked { get; set; } = true;

    /// <summary>Names on the map; left out past <see cref="MaxLabels"/> regions, where they would only collide.</summary>
    [Parameter] public bool Labels { get; set; } = true;

    /// <summary>The line above the map that names the region under the pointer or the focus.</summary>
    [Parameter] public bool ShowFocusLine { get; set; } = true;

    /// <summary>Colours for a dark page (the wall).</summary>
    [Parameter] public bool Dark { get; set; }

    /// <summary>More CSS classes for the figure.</summary>
    [Parameter] public string? Class { get; set; }

    /// <summary>Past this many regions the names are left to the links' titles and the table.</summary>
    public const int MaxLabels = 40;

    private const double MarkerRadius = 12;

    // A name needs about this much room (map units squared, about 55 by 55); smaller shapes keep it in their title.
    private const int MinLabelArea = 3000;

    private string HatchId => _id + "-hatch";

    private bool ShowLabels => Labels && Drawn.Count <= MaxLabels;

    private IReadOnlyList<(RegionMapFigure Figure, RegionShape Shape)> Drawn { get; set; } = [];

    private IReadOnlyList<RegionMapFigure> NotDrawn { get; set; } = [];

    private RegionMapFigure? Focused => _focusedCode is null ? null : Regions.FirstOrDefault(r => r.Code == _focusedCode);

    /// <summary>
    /// The class that colours a region for a measure: <c>region-map-ready-0</c> (0-24% Siap, red) through
    /// <c>region-map-ready-3</c> (75-99%) to <c>region-map-ready-4</c> (every item Siap, green), by the share rounded
    /// to a whole percent as the label shows it; <c>region-map-none</c> without items; <c>region-map-count-0</c>
    /// (none) to <c>region-map-count-4</c> (8 or more) for Kendala and overdue counts.
    /// </summary>
    public static string FillClass(RegionMapFigure figure, RegionMapMeasure measure) => measure switch
    {
        RegionMapMeasure.Readiness => figure.Counts.ReadyShare is { } share
            ? $"region-map-ready-{ReadyStep(share)}"
            : "region-map-none",
        RegionMapMeasure.Blocked => $"region-map-count-{CountStep(figure.Counts.Blocked)}",
        RegionMapMeasure.Situation => $"region-map-situation-{figure.Situation ?? "none"}",
        _ => $"region-map-count-{CountStep(figure.Overdue)}",
    };

    /// <summary>Steps of a quarter from 0%, and a step of its own for a region where every item is Siap.</summary>
    private static int ReadyStep(double share) => PercentOf(share) switch
    {
        < 25 => 0,
        < 50 => 1,
        < 75 => 2,
        < 100 => 3,
        _ => 4,
    };

    // Rounded, but never "100%" while an item is not Siap (999 of 1,000 reads 99%).
    private static int PercentOf(double share) =>
        share >= 1 ? 100 : Math.Min(99, (int)Math.Round(share * 100, MidpointRounding.AwayFromZero));

    /// <summary>Count steps: 0, 1, 2-3, 4-7, 8 or more.</summary>
    private static int CountStep(int count) => count switch
    {
        <= 0 => 0,
        1 => 1,
        <= 3 => 2,
        <= 7 => 3,
        _ => 4,
    };

    protected override void OnParametersSet()
    {
        if (!_measureSet)
        {
            _measure = Measure;
            _measureSet = true;
        }

        var drawn = new List<(RegionMapFigure, RegionShape)>(Regions.Count);
        var notDrawn = new List<RegionMapFigure>();
        foreach (var figure in Regions)
        {
            if (Geometry.Find(figure.Code) is { } shape)
            {
                drawn.Add((figure, shape));
            }
            else
            {
                notDrawn.Add(figure);
            }
        }

        Drawn = drawn;
        NotDrawn = notDrawn;
    }

    private bool _measureSet;

    private string FillClass(RegionMapFigure figure) => FillClass(figure, _measure);

    private static bool IsHighRisk(RegionMapFigure figure) => figure.RiskLevel == RiskLevel.High;

    private string AccessibleName(RegionMapFigure figure)
    {
        var name = figure.Counts.ReadyShare is { } share
            ? L["Map.RegionName", figure.Name, Percent(share), figure.Counts.Blocked, figure.Overdue].Value
            : L["Map.RegionNameNoItems", figure.Name].Value;
        if (_measure == RegionMapMeasure.Situation)
        {
            name = $"{name} · {L["Wall.Situation"]}: {(figure.Situation is null ? L["Situation.None"] : L["Situation." + figure.Situation])}";
        }

        return IsHighRisk(figure) ? L["Map.RegionNameHighRisk", name].Value : name;
    }

    private IEnumerable<(string CssClass, string Label)> LegendSteps()
    {
        if (_measure == RegionMapMeasure.Readiness)
        {
            yield return ("region-map-none", L["Map.Legend.NoItems"]);
            foreach (var (step, label) in new[] { "0–24%", "25–49%", "50–74%", "75–99%", "100%" }.Select((l, i) => (i, l)))
            {
                yield return ($"region-map-ready-{step}", label);
            }

            yield break;
        }

        if (_measure == RegionMapMeasure.Situation)
        {
            foreach (var level in Readiness.Data.Situation.SituationLevel.All)
            {
                yield return ($"region-map-situation-{level}", L["Situation." + level]);
            }

            yield return ("region-map-situation-none", L["Situation.None"]);
            yield break;
        }

        foreach (var (step, label) in new[] { "0", "1", "2–3", "4–7", "≥8" }.Select((l, i) => (i, l)))
        {
            yield return ($"region-map-count-{step}", label);
        }
    }

    private async Task SelectAsync(RegionMapMeasure measure)
    {
        _measure = measure;
        await MeasureChanged.InvokeAsync(measure);
    }

    private void Focus(RegionMapFigure figure) => _focusedCode = figure.Code;

    /// <summary>"Kutai Kartanegara" for "Kabupaten Kutai Kartanegara": the label, not the name.</summary>
    private static string ShortName(string name) =>
        name.StartsWith("Kabupaten ", StringComparison.Ordinal) ? name["Kabupaten ".Length..]
        : name.StartsWith("Kab. ", StringComparison.Ordinal) ? name["Kab. ".Length..]
        : name;

    /// <summary>What a region's label says under its name: the figure of the measure shown.</summary>
    private string Value(RegionMapFigure figure) => _measure switch
    {
        RegionMapMeasure.Readiness => figure.Counts.ReadyShare is { } share ? Percent(share) : "–",
        RegionMapMeasure.Blocked => figure.Counts.Blocked.ToString(CultureInfo.InvariantCulture),
        RegionMapMeasure.Situation => figure.Situation is null ? "–" : Readiness.Data.Situation.SituationLevel.Short(figure.Situation),
        _ => figure.Overdue.ToString(CultureInfo.InvariantCulture),
    };

    // Label size in map units (the text is 24 units high; a character is about 14 units wide).
    private const double LabelLineHeight = 26;
    private const double LabelCharWidth = 14;

    /// <summary>
    /// The labels that fit: largest regions first, each placed only where it overlaps no label already placed, so
    /// names never sit on top of each other; a region left out keeps its name and figures in its link and title.
    /// </summary>
    private IEnumerable<(RegionMapFigure Figure, RegionShape Shape)> PlacedLabels()
    {
        var placed = new List<(double Left, double Top, double Right, double Bottom)>();
        foreach (var (figure, shape) in Drawn.Where(d => d.Shape.Area >= MinLabelArea).OrderByDescending(d => d.Shape.Area))
        {
            var width = Math.Max(ShortName(figure.Name).Length, 4) * LabelCharWidth;
            var top = LabelTop(figure, shape) - LabelLineHeight + 4;
            var box = (Left: shape.LabelX - width / 2, Top: top, Right: shape.LabelX + width / 2, Bottom: top + 2 * LabelLineHeight);
            if (placed.Any(p => box.Left < p.Right && p.Left < box.Right && box.Top < p.Bottom && p.Top < box.Bottom))
            {
                continue;
            }

            placed.Add(box);
            yield return (figure, shape);
        }
    }

    // Below the marker when there is one, so neither hides the other.
    private static int LabelTop(RegionMapFigure figure, RegionShape shape) =>
        shape.LabelY + (figure.Counts.Blocked > 0 ? (int)MarkerRadius + 22 : 8);

    // Razor reserves <text>, so the SVG element is written by hand: the name, and the figure on a line below it.
    private RenderFragment Label(RegionMapFigure figure, RegionShape shape) => builder =>
    {
        builder.OpenElement(0, "text");
        builder.SetKey(figure.Code);
        builder.AddAttribute(1, "x", shape.LabelX);
        builder.AddAttribute(2, "y", LabelTop(figure, shape));
        builder.AddAttribute(3, "text-anchor", "middle");
        builder.AddContent(4, ShortName(figure.Name));
        builder.OpenElement(5, "tspan");
        builder.AddAttribute(6, "class", "region-map-value");
        builder.AddAttribute(7, "x", shape.LabelX);
        builder.AddAttribute(8, "dy", LabelLineHeight.ToString(CultureInfo.InvariantCulture));
        builder.AddContent(9, Value(figure));
        builder.CloseElement();
        builder.CloseElement();
    };

    // "25%" in Indonesian and English alike; written out so a render on a thread of another culture cannot make it "25 %".
    private static string Percent(double share) => PercentOf(share).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
