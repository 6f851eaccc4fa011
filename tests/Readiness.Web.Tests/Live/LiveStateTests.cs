using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Readiness.Data.Feed;
using Readiness.Web.Live;
using Readiness.Web.Resources;

namespace Readiness.Web.Tests.Live;

/// <summary>
/// The live-state base: one subscription per screen, renders pushed by the feed happen in the user's culture
/// (not the server's), and the subscription ends with the screen.
/// </summary>
public sealed class LiveStateTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public LiveStateTests()
    {
        _ctx.Services.AddLogging();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton<LiveFeed>();
        TestCulture.Use(TestCulture.Indonesian);
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private LiveFeed Feed => _ctx.Services.GetRequiredService<LiveFeed>();

    [Fact]
    public async Task A_change_pushed_by_a_server_in_english_renders_in_the_users_indonesian()
    {
        var cut = _ctx.Render<ProbeView>();
        Assert.Contains("Beranda", cut.Markup);

        // The pump runs on a thread in the server's culture (LC_ALL=en_US.UTF-8 on a usual server).
        await Task.Run(() =>
        {
            TestCulture.Use(TestCulture.English);
            Feed.Publish([Event("64.02.05", new DateTime(2026, 11, 30, 3, 24, 0, DateTimeKind.Utc))]);
        });

        cut.WaitForAssertion(() => Assert.Contains("changes=1", cut.Markup));
        Assert.Contains("culture=id-ID", cut.Markup);
        Assert.Contains("Beranda", cut.Markup);
        Assert.Contains("at=03.24", cut.Markup);
        Assert.Contains("share=34,5", cut.Markup);
    }

    [Fact]
    public async Task A_user_who_chose_english_keeps_english_when_the_server_speaks_indonesian()
    {
        TestCulture.Use(TestCulture.English);
        var cut = _ctx.Render<ProbeView>();

        await Task.Run(() =>
        {
            TestCulture.Use(TestCulture.Indonesian);
            Feed.Publish([Event("64.02", new DateTime(2026, 11, 30, 3, 24, 0, DateTimeKind.Utc))]);
        });

        cut.WaitForAssertion(() => Assert.Contains("changes=1", cut.Markup));
        Assert.Contains("Home", cut.Markup);
        Assert.Contains("share=34.5", cut.Markup);
    }

    [Fact]
    public void Events_outside_the_watched_region_do_not_reach_the_screen()
    {
        var cut = _ctx.Render<ProbeView>();

        Feed.Publish([Event("73.01", DateTime.UtcNow)]);
        Feed.Publish([Event("64.02", DateTime.UtcNow)]);

        cut.WaitForAssertion(() => Assert.Contains("changes=1", cut.Markup));
    }

    [Fact]
    public async Task The_screen_subscribes_once_and_lets_go_when_it_goes_away()
    {
        var cut = _ctx.Render<ProbeView>();
        cut.Render();
        cut.Render();
        Assert.Equal(1, Feed.SubscriberCount);

        await _ctx.DisposeComponentsAsync();

        Assert.Equal(0, Feed.SubscriberCount);
    }

    [Fact]
    public void Nothing_is_subscribed_while_prerendering()
    {
        _ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        _ctx.Render<ProbeView>();

        Assert.Equal(0, Feed.SubscriberCount);
    }

    [Fact]
    public void A_batch_is_taken_only_after_the_one_before_it_is_done_even_when_that_one_waits()
    {
        var cut = _ctx.Render<OrderView>();
        var first = Event("64.02", DateTime.UtcNow) with { Seq = 1 };
        var second = Event("64.02", DateTime.UtcNow) with { Seq = 2 };

        Feed.Publish([first]); // waits on the database, as a report's read of the region's own items does
        Feed.Publish([second]);

        cut.WaitForAssertion(() => Assert.Equal("start1;", cut.Instance.Log));
        Thread.Sleep(100); // time for the second batch to begin, were it let
        Assert.Equal("start1;", cut.Instance.Log);
        cut.Instance.Release();
        cut.WaitForAssertion(() => Assert.Contains("log=start1;end1;start2;end2;", cut.Markup));
    }

    private static FeedEvent Event(string region, DateTime atUtc) => new()
    {
        Seq = 1,
        ItemId = 1,
        ElectionId = 1,
        RegionCode = region,
        RegionName = "Tenggarong",
        AgencyCode = "KPU",
        StageId = 1,
        StatusAfter = "siap",
        Actor = "penghubung.kpu",
        AtUtc = atUtc,
        ItemVersion = 2,
        Title = "TPS dibangun",
        Criticality = "penting",
        DueDate = new DateOnly(2026, 11, 20),
        TimeZone = "Asia/Makassar",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    /// <summary>Counts the events of 64.02 and remembers the last one's time.</summary>
    public sealed class ProbeState(LiveFeed feed) : LiveState(feed)
    {
        public int Changes { get; private set; }

        public DateTime? LastAtUtc { get; private set; }

        public void Start() => Watch("64.02");

        protected override Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
        {
            Changes += events.Count;
            LastAtUtc = events[^1].AtUtc;
            return Task.FromResult(true);
        }
    }

    /// <summary>Logs when each batch is begun and done; the first waits until released.</summary>
    public sealed class OrderState(LiveFeed feed) : LiveState(feed)
    {
        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Log { get; private set; } = "";

        public void Start() => Watch("64.02");

        protected override async Task<bool> OnEventsAsync(IReadOnlyList<FeedEvent> events)
        {
            Log += $"start{events[0].Seq};";
            if (events[0].Seq == 1)
            {
                await Held.Task;
            }

            Log += $"end{events[0].Seq};";
            return true;
        }
    }

    /// <summary>Shows <see cref="OrderState.Log"/>.</summary>
    public sealed class OrderView : LiveView<OrderState>
    {
        public string Log => State.Log;

        public void Release() => State.Held.SetResult();

        protected override void OnInitialized() => State.Start();

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"log={State.Log}");
    }

    /// <summary>Renders text, a time and a number in whatever culture it is rendered in.</summary>
    public sealed class ProbeView : LiveView<ProbeState>
    {
        [Inject]
        private IStringLocalizer<SharedResource> L { get; set; } = default!;

        protected override void OnInitialized() => State.Start();

        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddContent(0,
                $"{L["Nav.Home"]} changes={State.Changes} culture={CultureInfo.CurrentCulture.Name} " +
                $"at={State.LastAtUtc?.ToString("t", CultureInfo.CurrentCulture)} share={34.5.ToString("0.0", CultureInfo.CurrentCulture)}");
    }
}
