using MudBlazor.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Components.Pages.Regions;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Pages.Regions;

public class RedFlagListTests : BunitContext, IAsyncLifetime
{
    // 2026-11-23 10:00 WITA.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public RedFlagListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        TestCulture.Use(TestCulture.Indonesian);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void High_risk_regencies_come_first_then_blocked_overdue_and_due_soon()
    {
        var flags = new[]
        {
            Flag(1, "Bantul terlambat", RedFlagKind.Overdue, RiskLevel.Low, "34.02", new DateOnly(2026, 11, 20)),
            Flag(2, "Kukar jatuh tempo", RedFlagKind.DueSoon, RiskLevel.High, "64.02", new DateOnly(2026, 11, 25)),
            Flag(3, "Mataram kendala", RedFlagKind.Blocked, RiskLevel.Medium, "52.71", new DateOnly(2026, 11, 26)),
            Flag(4, "Kukar kendala", RedFlagKind.Blocked, RiskLevel.High, "64.02", new DateOnly(2026, 11, 27)),
            Flag(5, "Tanpa kerawanan", RedFlagKind.Blocked, null, "17.71", new DateOnly(2026, 11, 22)),
        };

        var cut = Render<RedFlagList>(p => p.Add(x => x.Flags, flags));

        var order = cut.FindAll("[data-flag]").Select(li => li.GetAttribute("data-flag")).ToList();
        Assert.Equal(["4", "2", "3", "1", "5"], order);
    }

    [Fact]
    public void Each_flag_says_what_whose_since_when_and_what_was_said_as_text()
    {
        var flag = Flag(7, "Distribusi logistik ke PPS selesai", RedFlagKind.Overdue, RiskLevel.High, "64.02.05", new DateOnly(2026, 11, 20),
            note: "<b>Kapal</b> belum tiba");

        var cut = Render<RedFlagList>(p => p.Add(x => x.Flags, [flag]));

        var text = cut.Find("[data-flag='7']").TextContent;
        Assert.Contains("terlambat 3 hari", text);
        Assert.Contains("Distribusi logistik ke PPS selesai", text);
        Assert.Contains("KPU", text);
        Assert.Contains("oleh penghubung.kpu", text);
        Assert.Contains("21 Nov 2026 08.30 WITA", text);
        Assert.Contains("risiko tinggi", text);
        Assert.Contains("&lt;b&gt;Kapal&lt;/b&gt;", cut.Markup);
        Assert.Empty(cut.FindAll("[data-flag] .item-note b"));
    }

    [Fact]
    public void A_flag_nobody_has_touched_says_not_updated_yet_instead_of_by_the_system_since_the_load()
    {
        var flag = Flag(8, "Gudang logistik KPU dijaga 24 jam", RedFlagKind.Overdue, RiskLevel.High, "64.02", new DateOnly(2026, 11, 20));
        flag = flag with { View = flag.View with { Item = flag.View.Item with { Version = 1, UpdatedBy = "sistem" } } };

        var cut = Render<RedFlagList>(p => p.Add(x => x.Flags, [flag]));

        var text = cut.Find("[data-flag='8']").TextContent;
        Assert.Contains("belum diperbarui", text);
        Assert.DoesNotContain("oleh sistem", text);
        Assert.DoesNotContain("sejak", text);
    }

    [Fact]
    public void A_critical_item_due_today_says_today_not_zero_days()
    {
        var today = Flag(8, "Rapat pleno", RedFlagKind.DueSoon, RiskLevel.High, "64.02", new DateOnly(2026, 11, 23));
        var later = Flag(9, "Distribusi surat suara", RedFlagKind.DueSoon, RiskLevel.High, "64.02", new DateOnly(2026, 11, 25));

        var cut = Render<RedFlagList>(p => p.Add(x => x.Flags, [today, later]));

        Assert.Contains("jatuh tempo hari ini", cut.Find("[data-flag='8']").TextContent);
        Assert.DoesNotContain("0 hari", cut.Find("[data-flag='8']").TextContent);
        Assert.Contains("jatuh tempo 2 hari lagi", cut.Find("[data-flag='9']").TextContent);
    }

    [Fact]
    public void No_flags_says_so()
    {
        var cut = Render<RedFlagList>(p => p.Add(x => x.Flags, Array.Empty<RedFlag>()));

        Assert.Contains("Tidak ada tanda bahaya", cut.Markup);
        Assert.Empty(cut.FindAll("[data-flag]"));
    }

    private static RedFlag Flag(long id, string title, RedFlagKind kind, string? risk, string region, DateOnly due, string? note = null) =>
        new(new ItemView
        {
            Item = new ChecklistItem
            {
                Id = id, ElectionId = 1, RegionCode = region, AgencyCode = "KPU", StageId = 1, Title = title,
                Criticality = Criticality.Critical, DueDate = due,
                Status = kind == RedFlagKind.Blocked ? ItemStatus.Blocked : ItemStatus.InProgress, Note = note,
                UpdatedAtUtc = new DateTime(2026, 11, 21, 0, 30, 0, DateTimeKind.Utc), UpdatedBy = "penghubung.kpu", Version = 2,
            },
            RegionName = "Wilayah " + region,
            TimeZone = region.StartsWith("64", StringComparison.Ordinal) || region.StartsWith("52", StringComparison.Ordinal) ? "Asia/Makassar" : "Asia/Jakarta",
            StageName = "Pemungutan suara",
            StageSortOrder = 7,
        }, kind, risk);

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
