using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Seed;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Accounts;

namespace Readiness.Web.Tests.Pages.Admin;

/// <summary>
/// An admin page over a live circuit, signed in as an admin, on a real SQLite file in a fresh temporary folder wired as
/// the app wires it (AddReadinessData), migrated and seeded with the regions. The page is rendered beside MudBlazor's
/// dialog and popover providers, as the layout renders them, so its dialogs open.
/// </summary>
public abstract class AdminPageTest : ComponentTest
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));

    protected AdminPageTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddReadinessData(configuration);
        Services.AddScoped<AuthenticationStateProvider>(_ => new SignedIn("admin", Roles.Admin));
        Services.AddScoped<CurrentActor>();

        // Last: it reads a service, after which bunit takes no more registrations.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The admin as the stores see them.</summary>
    protected static Actor AdminActor { get; } = new() { Name = "admin", Role = Roles.Admin, Scopes = [] };

    public override async Task InitializeAsync()
    {
        await SeededTemplate.MigrateAndSeedAsync(Services.GetRequiredService<ConnectionFactory>(), async () =>
        {
            await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await Services.GetRequiredService<ReferenceSeeder>().SeedAsync();
        });
    }

    /// <summary>The page with the providers the layout gives it; the page's own component.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>()
        where TPage : IComponent
    {
        Root = Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            builder.CloseComponent();
        });
        return Root.FindComponent<TPage>();
    }

    /// <summary>What <see cref="RenderPage{TPage}"/> rendered: the providers and the page.</summary>
    protected IRenderedComponent<IComponent> Root { get; private set; } = null!;

    /// <summary>Waits until <paramref name="assertion"/> holds for what is rendered (the page or a dialog).</summary>
    protected void WaitFor(Action assertion) => Root.WaitForAssertion(assertion);

    /// <summary>The open dialog's root; fails when none is open.</summary>
    protected AngleSharp.Dom.IElement OpenDialog() =>
        Root.FindComponent<MudDialogProvider>().Find("[role=dialog]");

    protected bool HasOpenDialog() =>
        Root.FindComponent<MudDialogProvider>().FindAll("[role=dialog]").Count > 0;

    protected static AngleSharp.Dom.IElement Button(AngleSharp.Dom.IElement scope, string text) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temporary folder is cleaned by the system.
        }
    }
}
