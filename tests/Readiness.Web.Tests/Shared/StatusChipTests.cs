using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Readiness.Data.Checklists;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>A status is told by word, icon and colour together, in the user's language.</summary>
public sealed class StatusChipTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public StatusChipTests()
    {
        _ctx.Services.AddLocalization();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted, "Belum mulai", "mud-chip-color-default")]
    [InlineData(ItemStatus.InProgress, "Dalam proses", "mud-chip-color-warning")]
    [InlineData(ItemStatus.Ready, "Siap", "mud-chip-color-success")]
    [InlineData(ItemStatus.Blocked, "Kendala", "mud-chip-color-error")]
    public void Each_status_shows_its_indonesian_word_and_its_theme_colour(string status, string word, string colourClass)
    {
        var cut = _ctx.Render<StatusChip>(p => p.Add(x => x.Status, status));

        var chip = cut.Find(".status-chip");
        Assert.Equal(word, chip.QuerySelector("span:not(.mud-chip-content)")?.TextContent.Trim() ?? chip.TextContent.Trim());
        Assert.Contains(colourClass, chip.ClassList);
        Assert.Equal(status, chip.GetAttribute("data-status"));
    }

    [Fact]
    public void Each_status_has_its_own_icon_drawn_in_the_chip()
    {
        Assert.Equal(ItemStatus.All.Count, ItemStatus.All.Select(ReadinessTheme.IconOf).Distinct().Count());

        var cut = _ctx.Render<StatusChip>(p => p.Add(x => x.Status, ItemStatus.Blocked));

        var drawn = cut.Find(".status-chip svg").InnerHtml;
        var shapes = System.Text.RegularExpressions.Regex.Matches(Icons.Material.Filled.Report, "d=\"([^\"]+)\"");
        Assert.NotEmpty(shapes);
        Assert.All(shapes, shape => Assert.Contains(shape.Groups[1].Value, drawn, StringComparison.Ordinal));
    }

    [Fact]
    public void Count_is_shown_after_the_word_with_indonesian_digit_grouping()
    {
        var cut = _ctx.Render<StatusChip>(p => p.Add(x => x.Status, ItemStatus.Blocked).Add(x => x.Count, 1234));

        Assert.Equal("1.234", cut.Find(".status-chip strong").TextContent.Trim());
        Assert.Contains("Kendala", cut.Find(".status-chip").TextContent);
    }

    [Fact]
    public void Word_on_wide_screens_only_keeps_the_word_for_screen_readers()
    {
        var cut = _ctx.Render<StatusChip>(p => p.Add(x => x.Status, ItemStatus.Ready).Add(x => x.WordOnWideScreensOnly, true));

        var word = cut.Find(".status-word-wide");
        Assert.Equal("Siap", word.TextContent.Trim());
    }

    [Fact]
    public void English_culture_shows_the_english_word()
    {
        TestCulture.Use(TestCulture.English);

        var cut = _ctx.Render<StatusChip>(p => p.Add(x => x.Status, ItemStatus.Ready));

        Assert.Contains("Ready", cut.Find(".status-chip").TextContent);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
