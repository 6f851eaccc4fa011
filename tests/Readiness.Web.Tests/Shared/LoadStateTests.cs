using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Web.Components.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>What every page shows while it reads, when it found nothing and when the read failed: words, never an exception.</summary>
public sealed class LoadStateTests : ComponentTest
{
    public override Task InitializeAsync()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(TestCulture.Indonesian, "Memuat…")]
    [InlineData(TestCulture.English, "Loading…")]
    public void While_reading_it_says_loading_as_a_status_and_hides_the_content(string culture, string loading)
    {
        TestCulture.Use(culture);

        var cut = Render<LoadState>(p => p.Add(s => s.Loading, true).AddChildContent("<p class='content'>isi</p>"));

        Assert.Equal(loading, cut.Find("[role=status].load-state-loading").TextContent.Trim());
        Assert.Empty(cut.FindAll(".content"));
    }

    [Theory]
    [InlineData(TestCulture.Indonesian, "Belum ada data.")]
    [InlineData(TestCulture.English, "Nothing here yet.")]
    public void With_nothing_found_it_says_so_in_the_readers_language_or_in_the_pages_own_words(string culture, string empty)
    {
        TestCulture.Use(culture);

        var general = Render<LoadState>(p => p.Add(s => s.IsEmpty, true).AddChildContent("<p class='content'>isi</p>"));
        var own = Render<LoadState>(p => p.Add(s => s.IsEmpty, true).Add(s => s.EmptyText, "Belum ada kunjungan."));

        Assert.Equal(empty, general.Find(".load-state-empty").TextContent.Trim());
        Assert.Empty(general.FindAll(".content"));
        Assert.Equal("Belum ada kunjungan.", own.Find(".load-state-empty").TextContent.Trim());
    }

    [Fact]
    public void A_failed_read_is_an_alert_with_its_message_and_a_retry_that_reads_again()
    {
        TestCulture.Use(TestCulture.Indonesian);
        var retried = 0;

        var cut = Render<LoadState>(p => p.Add(s => s.Loading, true).Add(s => s.Error, "Data tidak dapat dimuat.")
            .Add(s => s.OnRetry, () => retried++).AddChildContent("<p class='content'>isi</p>"));

        Assert.Contains("Data tidak dapat dimuat.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll(".load-state-loading"));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Coba lagi").Click();
        Assert.Equal(1, retried);
    }

    [Fact]
    public void Once_read_it_shows_the_content_alone()
    {
        var cut = Render<LoadState>(p => p.AddChildContent("<p class='content'>isi</p>"));

        Assert.Equal("isi", cut.Find(".content").TextContent);
        Assert.Empty(cut.FindAll("[role=alert], [role=status]"));
    }
}
