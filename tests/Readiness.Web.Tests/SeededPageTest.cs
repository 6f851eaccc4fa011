using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Sql;
using Readiness.Data.Tests;
using Readiness.Web.Accounts;

namespace Readiness.Web.Tests;

/// <summary>
/// Base of the component tests that render a live page over the demo election: a real SQLite file in a fresh temporary
/// folder (a copy of the run's migrated and seeded template, then the demo seed), wired as the app wires it
/// (<c>AddReadinessData</c>), MudBlazor, Indonesian culture, a signed-in person and a live circuit. The feed pump is
/// driven by hand (<see cref="DrainAsync"/>), not run as a hosted service.
/// </summary>
public abstract class SeededPageTest : ComponentTest
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _demo;

    /// <summary>
    /// Registers the app's services with <paramref name="time"/> as the clock (the system's when null) and
    /// <paramref name="signedIn"/> as who is signed in; <paramref name="more"/> adds or replaces registrations.
    /// Without <paramref name="demo"/> the database holds the reference data only (no demo election); without
    /// <paramref name="interactive"/> the page renders as static server rendering does (a printed brief).
    /// </summary>
    protected SeededPageTest(AuthenticationStateProvider signedIn, TimeProvider? time = null, Action<IServiceCollection>? more = null,
        bool demo = true, bool interactive = true)
    {
        _demo = demo;
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
        Services.AddSingleton(time ?? TimeProvider.System);
        Services.AddReadinessData(configuration);
        Services.AddScoped(_ => signedIn);
        Services.AddScoped<CurrentActor>();
        more?.Invoke(Services);
        // Last: it reads a service, after which bunit takes no more registrations. Rendered over a live circuit unless static.
        SetRendererInfo(interactive ? new RendererInfo("Server", isInteractive: true) : new RendererInfo("Static", isInteractive: false));
    }

    /// <summary>A leader over <paramref name="scopes"/> (the demo regions when none), as the sign-in cookie's claims make one.</summary>
    protected static AuthenticationStateProvider Leader(params string[] scopes) =>
        new ClaimsSignedIn("pimpinan", Roles.Leader, scopes.Length == 0 ? DemoSeeder.DemoRegions : scopes);

    /// <summary>Anyone signed in as <paramref name="name"/> with <paramref name="role"/> over <paramref name="scopes"/>, as the sign-in cookie's claims make them.</summary>
    protected static AuthenticationStateProvider SignedInAs(string name, string role, params string[] scopes) =>
        new ClaimsSignedIn(name, role, scopes);

    /// <summary>One of the app's services, as the page under test gets it.</summary>
    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The demo election, read once <see cref="InitializeAsync"/> has seeded it (not set without the demo election).</summary>
    protected Election Election { get; private set; } = null!;

    /// <summary>The demo election, once <see cref="InitializeAsync"/> has seeded it.</summary>
    protected async Task<Election> DemoElectionAsync() =>
        (await Services.GetRequiredService<ElectionStore>().AllAsync()).Single(e => e.Code == DemoSeeder.DemoElectionCode);

    /// <summary>Reads the feed once, as the pump's hosted loop would, and hands what it read to the open pages; returns how many events.</summary>
    protected Task<int> DrainAsync() => Services.GetRequiredService<FeedPump>().DrainAsync(CancellationToken.None);

    /// <summary>Migrated, seeded with the reference data and (unless left out) the demo election; the pump placed after the newest event.</summary>
    public override async Task InitializeAsync()
    {
        await SeededTemplate.MigrateAndSeedAsync(Services.GetRequiredService<ConnectionFactory>(), async () =>
        {
            await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await Services.GetRequiredService<ReferenceSeeder>().SeedAsync();
        });
        if (_demo)
        {
            await Services.GetRequiredService<DemoSeeder>().SeedAsync();
            Election = await DemoElectionAsync();
        }

        await Services.GetRequiredService<FeedPump>().InitializeAsync(CancellationToken.None);
    }

    /// <inheritdoc />
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
            // A file still held open: the temporary folder is cleaned by the system.
        }
    }

    /// <summary>A signed-in person with a role and scopes, as the sign-in cookie's claims would make them.</summary>
    private sealed class ClaimsSignedIn(string name, string role, IEnumerable<string> scopes) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role),
                .. scopes.Select(code => new Claim(ReadinessClaims.Scope, code)),
            ], authenticationType: "Test", nameType: ClaimTypes.Name, roleType: ClaimTypes.Role);
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
        }
    }
}
