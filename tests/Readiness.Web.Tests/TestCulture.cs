using System.Globalization;

namespace Readiness.Web.Tests;

/// <summary>Sets the culture the components format and translate with (the app's default is Indonesian, id-ID).</summary>
internal static class TestCulture
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    public static void Use(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
