using MudBlazor.Services;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Web.Components.Pages.Wall;

namespace Readiness.Web.Tests.Pages.Wall;

public class StalenessIndicatorTests : BunitContext, IAsyncLifetime
{
    private static readonly string[] LevelClasses = ["staleness-fresh", "staleness-amber", "staleness-red"];

    public StalenessIndicatorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        // Rendered as over a live Blazor Server circuit, as the wall is.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IElement Marker(int seconds) =>
        Render<StalenessIndicator>(p => p.Add(x => x.SecondsSinceHeard, seconds)).Find("[data-staleness]");

    [Theory]
    [InlineData(0, "fresh", "Sensors")]
    [InlineData(59, "fresh", "Sensors")]
    [InlineData(60, "amber", "Warning")]
    [InlineData(299, "amber", "Warning")]
    [InlineData(300, "red", "Cancel")]
    [InlineData(3600, "red", "Cancel")]
    public void Colour_changes_at_the_thresholds(int seconds, string level, string icon)
    {
        var marker = Marker(seconds);

        // Exactly one level class, the right one; the attribute wall.js reads agrees.
        Assert.Equal(["staleness-" + level], marker.ClassList.Where(LevelClasses.Contains));
        Assert.Equal(level, marker.GetAttribute("data-staleness"));
        var expected = typeof(MudBlazor.Icons.Material.Filled).GetField(icon)!.GetValue(null) as string;
        var shape = System.Text.RegularExpressions.Regex.Matches(expected!, "d=\"([^\"]+)\"")[^1].Groups[1].Value;
        Assert.Contains(shape, marker.QuerySelector("svg")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("status", marker.GetAttribute("role"));
    }

    [Theory]
    [InlineData(0, "diperbarui 0 detik lalu")]
    [InlineData(59, "diperbarui 59 detik lalu")]
    [InlineData(119, "diperbarui 119 detik lalu")]
    public void Under_two_minutes_shows_seconds(int seconds, string text)
    {
        Assert.Equal(text, Marker(seconds).QuerySelector(".staleness-text")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(120, "diperbarui 2 menit lalu")]
    [InlineData(150, "diperbarui 2 menit lalu")]
    [InlineData(300, "diperbarui 5 menit lalu")]
    public void From_two_minutes_shows_whole_minutes(int seconds, string text)
    {
        Assert.Equal(text, Marker(seconds).QuerySelector(".staleness-text")!.TextContent.Trim());
    }

    [Fact]
    public void Negative_seconds_show_as_zero_and_fresh()
    {
        var marker = Marker(-5);

        Assert.Equal("diperbarui 0 detik lalu", marker.QuerySelector(".staleness-text")!.TextContent.Trim());
        Assert.Equal("fresh", marker.GetAttribute("data-staleness"));
    }

    [Fact]
    public void Carries_the_seconds_and_both_text_templates_for_wall_js()
    {
        var marker = Marker(150);

        Assert.Equal("150", marker.GetAttribute("data-heard-seconds"));
        Assert.Equal("diperbarui {0} detik lalu", marker.GetAttribute("data-template-seconds"));
        Assert.Equal("diperbarui {0} menit lalu", marker.GetAttribute("data-template-minutes"));
    }

    [Fact]
    public void Re_rendering_with_new_seconds_updates_the_colour_text_and_attribute()
    {
        var cut = Render<StalenessIndicator>(p => p.Add(x => x.SecondsSinceHeard, 10));

        cut.Render(p => p.Add(x => x.SecondsSinceHeard, 300));

        var marker = cut.Find("[data-staleness]");
        Assert.Equal(["staleness-red"], marker.ClassList.Where(LevelClasses.Contains));
        Assert.Equal("300", marker.GetAttribute("data-heard-seconds"));
        Assert.Equal("diperbarui 5 menit lalu", marker.QuerySelector(".staleness-text")!.TextContent.Trim());
    }

    [Fact]
    public void Level_agrees_with_the_thresholds()
    {
        Assert.Equal("fresh", StalenessIndicator.Level(0));
        Assert.Equal("fresh", StalenessIndicator.Level(StalenessIndicator.AmberAfterSeconds - 1));
        Assert.Equal("amber", StalenessIndicator.Level(StalenessIndicator.AmberAfterSeconds));
        Assert.Equal("amber", StalenessIndicator.Level(StalenessIndicator.RedAfterSeconds - 1));
        Assert.Equal("red", StalenessIndicator.Level(StalenessIndicator.RedAfterSeconds));
    }

    [Fact]
    public void Thresholds_are_one_minute_and_five_minutes_as_in_wall_js()
    {
        // js/wall.js keeps counting with its own AMBER = 60, RED = 300; the two must not drift apart.
        Assert.Equal(60, StalenessIndicator.AmberAfterSeconds);
        Assert.Equal(300, StalenessIndicator.RedAfterSeconds);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
