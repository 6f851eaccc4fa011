using Microsoft.AspNetCore.Components;
using MudBlazor;
using Readiness.Data.Shared;

namespace Readiness.Web.Components.Shared;

/// <summary>
/// The one theme: the palette every screen uses (light for people at a desk or on a phone, dark for the wall), and
/// how each item status looks everywhere: Siap green, Dalam proses amber, Kendala red, Belum mulai grey, always with
/// an icon and a word beside the colour (colour-blind readers, and print drops colours).
/// </summary>
public static class ReadinessTheme
{
    /// <summary>The app's MudBlazor theme; fonts are the app's own Roboto (wwwroot/fonts).</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#5c6b7a",
            AppbarBackground = "#1f2d3d",
            AppbarText = "#ffffff",
            Success = "#2e7d32",
            SuccessContrastText = "#ffffff",
            // A dark amber: an outlined "Dalam proses" is amber text on white, read on a phone in the sun (4.9:1).
            Warning = "#9a6700",
            WarningContrastText = "#ffffff",
            Error = "#c62828",
            ErrorContrastText = "#ffffff",
            Info = "#0277bd",
            Background = "#f5f6f8",
            // Secondary text (dates, codes, who) at 7:1 on the page's grey, not MudBlazor's 4.3:1.
            TextSecondary = "rgba(0,0,0,0.7)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            Background = "#0e141b",
            Surface = "#17212b",
            AppbarBackground = "#0e141b",
            Success = "#66bb6a",
            SuccessContrastText = "rgba(0,0,0,0.87)",
            Warning = "#ffca28",
            WarningContrastText = "rgba(0,0,0,0.87)",
            Error = "#ef5350",
            ErrorContrastText = "rgba(0,0,0,0.87)",
            TextPrimary = "rgba(255,255,255,0.92)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };

    /// <summary>The theme colour of a stored status (belum, proses, siap, kendala); grey for anything else.</summary>
    public static Color ColorOf(string status) => status switch
    {
        ItemStatus.Ready => Color.Success,
        ItemStatus.InProgress => Color.Warning,
        ItemStatus.Blocked => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The Material icon (SVG path data) of a stored status; an empty circle for anything else.</summary>
    public static string IconOf(string status) => status switch
    {
        ItemStatus.Ready => Icons.Material.Filled.CheckCircle,
        ItemStatus.InProgress => Icons.Material.Filled.HourglassTop,
        ItemStatus.Blocked => Icons.Material.Filled.Report,
        _ => Icons.Material.Outlined.Circle,
    };

    /// <summary>
    /// A Material icon (SVG path data, as <see cref="Icons"/> gives it) drawn small as MudIcon draws it (its classes,
    /// in the colour of the text around it, hidden from screen readers), without a component of its own: for screens
    /// that hold many icons for days (the wall), where every component costs its circuit about 5 KB of render tree
    /// whatever it draws.
    /// </summary>
    public static RenderFragment SmallIcon(string icon) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon mud-icon-size-small");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };
}
