using Microsoft.Extensions.Options;
using Readiness.Data.Sql;

namespace Readiness.Web.Hosting;

/// <summary>
/// Whether this installation runs with demo data (and says so on every page). The demo publishes working
/// credentials on the sign-in page, so it belongs to <c>dotnet run</c>: on by default only in the Development
/// environment with the embedded SQLite; anywhere else only when <c>Readiness:Demo</c> is set to true.
/// </summary>
public sealed class DemoMode(IOptions<ReadinessOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment)
{
    public bool IsOn { get; } = options.Value.Demo ?? (environment.IsDevelopment() && database.Value.Provider == DatabaseProvider.Sqlite);

    /// <summary>On outside Development: only by an explicit setting, and warned about at every start.</summary>
    public bool IsOnOutsideDevelopment => IsOn && !environment.IsDevelopment();

    public string Password { get; } = options.Value.DemoPassword;
}
