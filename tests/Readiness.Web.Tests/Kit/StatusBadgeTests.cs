using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Web.Components.Kit;

namespace Readiness.Web.Tests.Kit;

public class StatusBadgeTests : ComponentTest
{
    public StatusBadgeTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        TestCulture.Use(TestCulture.Indonesian);
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted, "Belum mulai")]
    [InlineData(ItemStatus.InProgress, "Dalam proses")]
    [InlineData(ItemStatus.Ready, "Siap")]
    [InlineData(ItemStatus.Blocked, "Kendala")]
    public void Each_status_shows_its_indonesian_word(string status, string word)
    {
        var cut = Render<StatusBadge>(p => p.Add(x => x.Status, status));

        Assert.Equal(word, cut.Find(".status-badge > span").TextContent.Trim());
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted, "bi-circle")]
    [InlineData(ItemStatus.InProgress, "bi-hourglass-split")]
    [InlineData(ItemStatus.Ready, "bi-check-circle-fill")]
    [InlineData(ItemStatus.Blocked, "bi-exclamation-octagon-fill")]
    public void Each_status_shows_its_own_icon_hidden_from_screen_readers(string status, string iconClass)
    {
        var cut = Render<StatusBadge>(p => p.Add(x => x.Status, status));

        var icon = cut.Find("i.bi");
        Assert.Contains(iconClass, icon.ClassList);
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void Each_status_has_a_different_icon()
    {
        var icons = ItemStatus.All.Select(StatusBadge.Icon).ToList();

        Assert.Equal(ItemStatus.All.Count, icons.Distinct().Count());
    }

    [Theory]
    [InlineData(ItemStatus.Ready)]
    [InlineData(ItemStatus.Blocked)]
    public void Status_code_is_carried_in_class_and_data_attribute_for_colour_and_tests(string status)
    {
        var cut = Render<StatusBadge>(p => p.Add(x => x.Status, status));

        var badge = cut.Find(".status-badge");
        Assert.Contains($"status-{status}", badge.ClassList);
        Assert.Equal(status, badge.GetAttribute("data-status"));
    }

    [Fact]
    public void Count_is_shown_after_the_word_with_indonesian_digit_grouping()
    {
        var cut = Render<StatusBadge>(p => p
            .Add(x => x.Status, ItemStatus.Blocked)
            .Add(x => x.Count, 1234));

        Assert.Equal("1.234", cut.Find(".status-badge strong").TextContent.Trim());
    }

    [Fact]
    public void Zero_count_is_still_shown()
    {
        var cut = Render<StatusBadge>(p => p
            .Add(x => x.Status, ItemStatus.Ready)
            .Add(x => x.Count, 0));

        Assert.Equal("0", cut.Find(".status-badge strong").TextContent.Trim());
    }

    [Fact]
    public void Without_a_count_no_number_is_shown()
    {
        var cut = Render<StatusBadge>(p => p.Add(x => x.Status, ItemStatus.Ready));

        Assert.Empty(cut.FindAll(".status-badge strong"));
    }

    [Fact]
    public void Word_on_wide_screens_only_keeps_the_word_in_the_markup_for_screen_readers()
    {
        var cut = Render<StatusBadge>(p => p
            .Add(x => x.Status, ItemStatus.Blocked)
            .Add(x => x.WordOnWideScreensOnly, true));

        var word = cut.Find(".status-badge > span");
        Assert.Equal("Kendala", word.TextContent.Trim());
        Assert.Contains("status-word-wide", word.ClassList);
    }

    [Fact]
    public void English_culture_shows_the_english_word()
    {
        TestCulture.Use(TestCulture.English);

        var cut = Render<StatusBadge>(p => p.Add(x => x.Status, ItemStatus.Ready));

        Assert.Equal("Ready", cut.Find(".status-badge > span").TextContent.Trim());
    }
}
