using MudBlazor.Services;
using System.Globalization;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Web.Components.Shared;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Shared;

public class StageTimelineTests : BunitContext, IAsyncLifetime
{
    public StageTimelineTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    // The 2024 stages as seeded (database/seed/stages.csv), ids in sort order: 244 days from 17 Apr to 16 Dec 2024.
    private static readonly Stage[] Stages2024 =
    [
        Stage(1, "ADHOC", "Pembentukan badan ad hoc PPK, PPS, KPPS", "2024-04-17", "2024-11-05"),
        Stage(2, "DPT", "Pemutakhiran data pemilih", "2024-05-31", "2024-09-23"),
        Stage(3, "PENDAFTARAN", "Pendaftaran pasangan calon", "2024-08-27", "2024-08-29"),
        Stage(4, "PENETAPAN", "Penetapan pasangan calon", "2024-09-22", "2024-09-22"),
        Stage(5, "KAMPANYE", "Kampanye", "2024-09-25", "2024-11-23"),
        Stage(6, "TENANG", "Masa tenang", "2024-11-24", "2024-11-26"),
        Stage(7, "PEMUNGUTAN", "Pemungutan suara", "2024-11-27", "2024-11-27"),
        Stage(8, "REKAP", "Penghitungan dan rekapitulasi suara", "2024-11-27", "2024-12-16"),
    ];

    private static Stage Stage(int id, string code, string name, string start, string end) => new()
    {
        Id = id, ElectionId = 1, Code = code, Name = name, SortOrder = id,
        StartDate = DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndDate = DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IRenderedComponent<StageTimeline> RenderTimeline(
        string today, IReadOnlyList<Stage>? stages = null, IReadOnlyDictionary<int, ReadinessCounts>? byStage = null) =>
        Render<StageTimeline>(p => p
            .Add(x => x.Stages, stages ?? Stages2024)
            .Add(x => x.Today, Day(today))
            .Add(x => x.ByStage, byStage));

    private static double Number(string? attribute) => double.Parse(attribute!, CultureInfo.InvariantCulture);

    private static IElement StageRow(IRenderedComponent<StageTimeline> cut, string code) => cut.Find($"svg g.stage[data-stage='{code}']");

    private static (double X, double Width) Bar(IRenderedComponent<StageTimeline> cut, string code)
    {
        var bar = StageRow(cut, code).QuerySelector("rect.stage-bar")!;
        return (Number(bar.GetAttribute("x")), Number(bar.GetAttribute("width")));
    }

    private static double TodayX(IRenderedComponent<StageTimeline> cut)
    {
        var line = cut.Find("svg g.today line");
        Assert.Equal(line.GetAttribute("x1"), line.GetAttribute("x2"));
        return Number(line.GetAttribute("x1"));
    }

    [Fact]
    public void One_row_per_stage_in_sort_order_labelled_with_the_stage_name()
    {
        var shuffled = Stages2024.Reverse().ToList();

        var cut = RenderTimeline("2024-11-10", shuffled);

        var rows = cut.FindAll("svg g.stage").ToList();
        Assert.Equal(Stages2024.Select(s => s.Code), rows.Select(r => r.GetAttribute("data-stage")));
        Assert.Equal("Pemutakhiran data pemilih", rows[1].QuerySelector("text.name")!.TextContent.Trim());
        var ys = rows.Select(r => Number(r.QuerySelector("rect.stage-bar")!.GetAttribute("y"))).ToList();
        Assert.Equal(ys.Order(), ys);
        Assert.Equal(ys.Count, ys.Distinct().Count());
    }

    [Fact]
    public void Bars_run_from_the_first_start_to_the_last_end_in_the_order_of_their_dates()
    {
        var cut = RenderTimeline("2024-11-10");

        const double x0 = StageTimeline.PlotX;
        const double plot = StageTimeline.PlotWidth;
        var adhoc = Bar(cut, "ADHOC");
        var rekap = Bar(cut, "REKAP");
        var kampanye = Bar(cut, "KAMPANYE");
        var tenang = Bar(cut, "TENANG");
        var voting = Bar(cut, "PEMUNGUTAN");

        Assert.Equal(x0, adhoc.X, 2);
        Assert.Equal(x0 + plot, rekap.X + rekap.Width, 2);
        // The campaign ends the day before the quiet period, which ends the day before voting (and the count) begins.
        Assert.Equal(kampanye.X + kampanye.Width, tenang.X, 1);
        Assert.Equal(tenang.X + tenang.Width, voting.X, 1);
        Assert.Equal(voting.X, rekap.X, 1);
        // Longer stages are drawn longer: ADHOC (203 days) > DPT (116 days) > Masa tenang (3 days) > voting (1 day).
        Assert.True(adhoc.Width > Bar(cut, "DPT").Width && Bar(cut, "DPT").Width > tenang.Width && tenang.Width > voting.Width);
    }

    [Fact]
    public void The_last_weeks_get_room_to_read_and_the_long_months_do_not_take_the_whole_width()
    {
        var cut = RenderTimeline("2024-11-25");

        const double plot = StageTimeline.PlotWidth;
        // The quiet period, voting day and the count (24 Nov - 16 Dec: 23 of 244 days, 9% by the calendar).
        var tenang = Bar(cut, "TENANG");
        var rekap = Bar(cut, "REKAP");
        var lastWeeks = rekap.X + rekap.Width - tenang.X;
        Assert.True(lastWeeks >= plot * 0.2, $"The last weeks are {lastWeeks:0} of {plot} units.");
        Assert.True(Bar(cut, "PEMUNGUTAN").Width >= 10, "Voting day is a bar a finger can find, not a dot.");
        // From the voter list's start (31 May) to the campaign's (25 Sep), 117 days, no longer takes half the width.
        Assert.True(Bar(cut, "KAMPANYE").X - Bar(cut, "DPT").X < plot * 0.5);
    }

    [Theory]
    [InlineData("PENETAPAN")]
    [InlineData("PEMUNGUTAN")]
    public void A_one_day_stage_still_gets_a_visible_bar_with_todays_line_inside_it_on_its_day(string code)
    {
        var stage = Stages2024.Single(s => s.Code == code);
        var cut = RenderTimeline(stage.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var (x, width) = Bar(cut, code);
        Assert.True(width >= StageTimeline.MinBarWidth, $"{code} is {width} wide.");
        Assert.InRange(TodayX(cut), x, x + width);
    }

    [Fact]
    public void Today_line_falls_inside_the_bar_of_the_stage_under_way_and_is_labelled_today()
    {
        var cut = RenderTimeline("2024-11-10");

        var todayX = TodayX(cut);
        var (x, width) = Bar(cut, "KAMPANYE");
        Assert.InRange(todayX, x, x + width);
        var (adhocX, adhocWidth) = Bar(cut, "ADHOC");
        Assert.True(todayX > adhocX + adhocWidth, "ADHOC ended on 5 Nov, so today's line is past its bar.");
        Assert.Equal("Hari ini", cut.Find("svg g.today text").TextContent.Trim());
    }

    [Fact]
    public void Today_line_on_voting_day_falls_inside_the_one_day_voting_bar()
    {
        var cut = RenderTimeline("2024-11-27");

        var todayX = TodayX(cut);
        var (x, width) = Bar(cut, "PEMUNGUTAN");
        Assert.InRange(todayX, x, x + width);
        var (tenangX, tenangWidth) = Bar(cut, "TENANG");
        Assert.True(todayX > tenangX + tenangWidth);
    }

    [Theory]
    [InlineData("2024-04-17")]
    [InlineData("2024-12-16")]
    public void Today_line_is_drawn_on_the_first_and_last_day_of_the_range(string today)
    {
        var cut = RenderTimeline(today);

        Assert.InRange(TodayX(cut), StageTimeline.PlotX, StageTimeline.PlotX + StageTimeline.PlotWidth);
    }

    [Theory]
    [InlineData("2024-04-16")]
    [InlineData("2024-12-17")]
    [InlineData("2025-06-01")]
    public void No_today_line_when_today_is_outside_the_stages(string today)
    {
        var cut = RenderTimeline(today);

        Assert.Empty(cut.FindAll("svg g.today"));
        Assert.DoesNotContain("Hari ini", cut.Find("svg").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("svg g.stage.current"));
    }

    [Fact]
    public void Stage_under_way_is_emphasised_and_tagged_in_words()
    {
        var cut = RenderTimeline("2024-11-10");

        var current = cut.FindAll("svg g.stage.current").ToList();
        Assert.Equal(["KAMPANYE"], current.Select(g => g.GetAttribute("data-stage")));
        Assert.Equal("Kampanye · berlangsung", current[0].QuerySelector("text.name")!.TextContent.Trim());
        Assert.DoesNotContain("berlangsung", StageRow(cut, "ADHOC").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("berlangsung", StageRow(cut, "TENANG").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_stages_under_way_are_all_emphasised()
    {
        var cut = RenderTimeline("2024-11-27");

        Assert.Equal(["PEMUNGUTAN", "REKAP"], cut.FindAll("svg g.stage.current").Select(g => g.GetAttribute("data-stage")));
    }

    [Fact]
    public void Each_stage_shows_its_ready_percentage_and_a_dash_without_items()
    {
        var byStage = new Dictionary<int, ReadinessCounts>
        {
            [5] = new(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0),
            [7] = new(NotStarted: 2, InProgress: 1, Ready: 0, Blocked: 1),
            [2] = ReadinessCounts.Empty,
        };

        var cut = RenderTimeline("2024-11-10", byStage: byStage);

        string Share(string code) => StageRow(cut, code).QuerySelector("text.share")!.TextContent.Trim();
        Assert.Equal("75%", Share("KAMPANYE"));
        Assert.Equal("0%", Share("PEMUNGUTAN"));
        Assert.Equal("—", Share("DPT"));
        Assert.Equal("—", Share("ADHOC"));
    }

    [Fact]
    public void Without_readiness_every_stage_shows_a_dash()
    {
        var cut = RenderTimeline("2024-11-10");

        Assert.All(cut.FindAll("svg text.share"), t => Assert.Equal("—", t.TextContent.Trim()));
    }

    [Fact]
    public void Timeline_is_an_image_whose_accessible_label_gives_each_stage_its_dates_and_share_and_today()
    {
        var byStage = new Dictionary<int, ReadinessCounts> { [5] = new(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0) };

        var cut = RenderTimeline("2024-11-10", byStage: byStage);

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        var label = svg.GetAttribute("aria-label")!;
        Assert.StartsWith("Tahapan pemilihan. Pembentukan badan ad hoc PPK, PPS, KPPS: 17 Apr – 5 Nov 2024, belum ada butir; ", label, StringComparison.Ordinal);
        Assert.Contains("; Kampanye: 25 Sep – 23 Nov 2024, 75% siap (berlangsung); ", label, StringComparison.Ordinal);
        Assert.Contains("; Penetapan pasangan calon: 22 Sep 2024, belum ada butir; ", label, StringComparison.Ordinal);
        Assert.Contains("; Penghitungan dan rekapitulasi suara: 27 Nov – 16 Des 2024, belum ada butir. ", label, StringComparison.Ordinal);
        Assert.EndsWith("Hari ini: 10 Nov 2024.", label, StringComparison.Ordinal);
    }

    [Fact]
    public void Accessible_label_follows_the_english_culture()
    {
        TestCulture.Use(TestCulture.English);
        var byStage = new Dictionary<int, ReadinessCounts> { [5] = new(NotStarted: 1, InProgress: 0, Ready: 3, Blocked: 0) };

        var cut = RenderTimeline("2024-11-10", byStage: byStage);

        var label = cut.Find("svg").GetAttribute("aria-label")!;
        Assert.Contains("Kampanye: 25 Sep – 23 Nov 2024, 75% ready (ongoing)", label, StringComparison.Ordinal);
        Assert.EndsWith("Today: 10 Nov 2024.", label, StringComparison.Ordinal);
        Assert.Equal("Today", cut.Find("svg g.today text").TextContent.Trim());
    }

    [Fact]
    public void Stages_spanning_a_new_year_give_both_years()
    {
        var stages = new[] { Stage(1, "A", "Persiapan", "2024-12-20", "2025-01-10") };

        var cut = RenderTimeline("2025-01-02", stages);

        Assert.Contains("Persiapan: 20 Des 2024 – 10 Jan 2025", cut.Find("svg").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_stage_name_is_shortened_on_the_picture_but_given_in_full_to_screen_readers_and_as_tooltip()
    {
        var name = "Penyusunan, pengumuman dan penetapan daftar pemilih tetap serta daftar pemilih tambahan di setiap TPS";
        var stages = new[] { Stage(1, "DPT", name, "2024-05-31", "2024-09-23") };

        var cut = RenderTimeline("2024-06-01", stages);

        var text = cut.Find("svg g.stage text.name");
        Assert.Equal(name, text.QuerySelector("title")!.TextContent);
        var shown = text.TextContent.Replace(name, "", StringComparison.Ordinal).Trim();
        Assert.EndsWith("… · berlangsung", shown, StringComparison.Ordinal);
        Assert.True(shown.Length <= 56, $"Shown name is {shown.Length} characters long: {shown}");
        Assert.StartsWith($"Tahapan pemilihan. {name}: 31 Mei – 23 Sep 2024", cut.Find("svg").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_stages_show_a_text_instead_of_a_timeline()
    {
        var cut = RenderTimeline("2024-11-10", []);

        Assert.Equal("Belum ada tahapan.", cut.Find(".stage-timeline").TextContent.Trim());
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public void Timeline_scales_to_its_container_through_a_view_box()
    {
        var cut = RenderTimeline("2024-11-10");

        var svg = cut.Find("svg");
        Assert.StartsWith($"0 0 {StageTimeline.Width} ", svg.GetAttribute("viewBox"), StringComparison.Ordinal);
        Assert.Null(svg.GetAttribute("width"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
