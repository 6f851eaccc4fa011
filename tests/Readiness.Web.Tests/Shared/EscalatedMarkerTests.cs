using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data.Notifications;
using Readiness.Web.Components.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>The "Dieskalasi" mark: on an agency's tile it says how many, so a wall whose every tile is marked still tells them apart.</summary>
public sealed class EscalatedMarkerTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    private static readonly ItemEscalation Mark = new()
    {
        ItemId = 7, RegionCode = "64.02.06", AgencyCode = "KPU", ItemVersion = 3, Kind = EscalationKinds.Blocked,
        EscalatedAtUtc = new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc),
    };

    public EscalatedMarkerTests()
    {
        _ctx.Services.AddLocalization();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
    }

    [Fact]
    public void One_item_reads_dieskalasi_and_several_read_their_count()
    {
        var one = _ctx.Render<EscalatedMarker>(p => p.Add(x => x.Escalation, Mark));
        var twelve = _ctx.Render<EscalatedMarker>(p => p.Add(x => x.Escalation, Mark).Add(x => x.Count, 12));

        Assert.Equal("Dieskalasi", one.Find(".escalated-label").TextContent);
        Assert.Equal("12 dieskalasi", twelve.Find(".escalated-label").TextContent);
        Assert.Contains("12 butir dieskalasi ke pimpinan", twelve.Find(".escalated-detail").TextContent, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
