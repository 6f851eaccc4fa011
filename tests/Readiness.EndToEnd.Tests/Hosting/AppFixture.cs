using Microsoft.Playwright;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>One app with demo data and one browser, shared by the journeys of a test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public AppProcess App { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        (Playwright, Browser) = await Hosting.Browser.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await App.DisposeAsync();
    }
}
