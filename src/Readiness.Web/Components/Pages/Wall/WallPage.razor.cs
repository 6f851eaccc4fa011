using Microsoft.AspNetCore.Components;
using Readiness.Data.Regions;

namespace Readiness.Web.Components.Pages.Wall;

/// <summary>
/// "Layar": an operations-room wall for one region, opened with a screen token: agency tiles, the kecamatan map and
/// table, the latest changes and the region's clock, kept live by <see cref="WallState"/>.
/// </summary>
public sealed partial class WallPage
{
    /// <summary>The region's Kemendagri code.</summary>
    [Parameter] public string Code { get; set; } = "";

    /// <summary>Seconds between kecamatan pages (query <c>interval</c>, any text: 5-300, default 15).</summary>
    [SupplyParameterFromQuery(Name = "interval")]
    public string? Interval { get; set; }

    protected override Task OnParametersSetAsync() =>
        State.StartAsync(Code, Hosting.QueryValue.Clamped(Interval, 15, 5, 300));

    private string FailingText =>
        L["Wall.Failing", State.NextRetryUtc is { } next
            ? RegionCalendar.ZoneOf(State.Region).ToLocal(next.UtcDateTime).ToString("HH:mm:ss") + " " + RegionCalendar.ZoneOf(State.Region).Abbreviation
            : "…", State.FailedAttempts];

    /// <summary>Today's changes by time; older ones with their date.</summary>
    private string TickerTime(DateTime utc)
    {
        var local = State.Region!.Zone.ToLocal(utc);
        return DateOnly.FromDateTime(local) == State.Today ? local.ToString("HH:mm") : local.ToString("d MMM HH:mm");
    }
}
