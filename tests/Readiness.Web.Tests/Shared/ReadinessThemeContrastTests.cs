using System.Globalization;
using MudBlazor.Utilities;
using Readiness.Web.Components.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>WCAG AA: text at least 4.5:1 against what it sits on, for the colours the statuses are drawn in.</summary>
public sealed class ReadinessThemeContrastTests
{
    private const double AA = 4.5;

    public static TheoryData<string> StatusColours => new() { "Warning", "Success", "Error", "Primary", "Info" };

    [Theory]
    [MemberData(nameof(StatusColours))]
    public void An_outlined_status_button_is_readable_on_white(string name)
    {
        var colour = Colour(ReadinessTheme.Theme.PaletteLight, name);

        var ratio = Contrast(colour, new MudColor("#ffffff"));

        Assert.True(ratio >= AA, $"{name} {colour} on white is {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1.");
    }

    [Theory]
    [MemberData(nameof(StatusColours))]
    public void A_filled_status_button_is_readable_in_its_contrast_text(string name)
    {
        var palette = ReadinessTheme.Theme.PaletteLight;
        var text = Colour(palette, name + "ContrastText");

        var ratio = Contrast(text, Colour(palette, name));

        Assert.True(ratio >= AA, $"{name} text {text} on {Colour(palette, name)} is {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1.");
    }

    private static MudColor Colour(MudBlazor.Palette palette, string property) =>
        (MudColor)typeof(MudBlazor.Palette).GetProperty(property)!.GetValue(palette)!;

    private static double Contrast(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    // A colour with transparency is read over white, where the statuses are drawn.
    private static double Luminance(MudColor c)
    {
        double Channel(byte value)
        {
            var over = (value * c.A + 255 * (255 - c.A)) / 255.0 / 255.0;
            return over <= 0.03928 ? over / 12.92 : Math.Pow((over + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
