using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Readiness.Web.Resources;

namespace Readiness.Web.Tests.Localization;

/// <summary>MudBlazor's own words (what a screen reader hears on a data grid) follow the user's language.</summary>
public sealed class ReadinessMudLocalizerTests
{
    private static MudLocalizer Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, ReadinessMudLocalizer>(); // as the app registers it
        return services.BuildServiceProvider().GetRequiredService<MudLocalizer>();
    }

    [Theory]
    [InlineData(TestCulture.Indonesian, "Urutkan", "Pilihan kolom")]
    [InlineData(TestCulture.English, "Sort", "Column options")]
    public void A_data_grids_sort_and_column_options_speak_the_users_language(string culture, string sort, string options)
    {
        TestCulture.Use(culture);
        var localizer = Localizer();

        Assert.IsType<ReadinessMudLocalizer>(localizer);
        Assert.Equal(sort, localizer["MudDataGrid_Sort"].Value);
        Assert.Equal(options, localizer["MudDataGrid_ShowColumnOptions"].Value);
    }

    [Fact]
    public void A_word_the_app_does_not_translate_keeps_MudBlazors_own_text()
    {
        TestCulture.Use(TestCulture.Indonesian);

        var word = Localizer()["MudDataGrid_IsAnyOf"];

        Assert.False(string.IsNullOrWhiteSpace(word.Value));
        Assert.NotEqual("Mud.MudDataGrid_IsAnyOf", word.Value);
    }
}
