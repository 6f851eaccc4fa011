using System.Security.Claims;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Web.Accounts;

namespace Readiness.Web.Api;

/// <summary>
/// Re-checks every open hub connection at <see cref="AccountOptions.RevalidationInterval"/>, as open pages are: a
/// connection whose screen token was revoked, or whose user was disabled or had their role or scope changed (which
/// changes the security stamp), is closed. A client that connects again is checked afresh, and refused or given only
/// what it may now see. One check per distinct user or token per round, however many connections it holds.
/// </summary>
internal sealed partial class HubAccessRevalidation(
    HubConnections connections,
    IServiceScopeFactory scopes,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<HubAccessRevalidation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevalidationInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RevalidateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not end the re-checks; the next round tries again.
                LogFailed(ex);
            }
        }
    }

    /// <summary>One round: closes the connections whose access has ended; returns how many it closed.</summary>
    public async Task<int> RevalidateAsync(CancellationToken cancellationToken)
    {
        var open = connections.Snapshot();
        if (open.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<AccessCheck>();
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var closed = 0;
        foreach (var connection in open)
        {
            var user = connection.User ?? new ClaimsPrincipal();
            var key = KeyOf(user);
            if (!verdicts.TryGetValue(key, out var valid))
            {
                valid = user.Identity?.IsAuthenticated == true && await check.IsStillValidAsync(user, cancellationToken);
                verdicts[key] = valid;
            }

            if (!valid)
            {
                LogClosed(user.Identity?.Name ?? "?", connection.ConnectionId);
                connections.Remove(connection.ConnectionId);
                connection.Abort();
                closed++;
            }
        }

        return closed;
    }

    // The same user with the same stamp, or the same screen token, gets the same answer.
    private static string KeyOf(ClaimsPrincipal user) =>
        string.Join('|', user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ReadinessClaims.ScreenTokenId),
            user.FindFirstValue(new Microsoft.AspNetCore.Identity.ClaimsIdentityOptions().SecurityStampClaimType));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection {ConnectionId} of {Actor} closed: access ended")]
    private partial void LogClosed(string actor, string connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-checking hub connections failed")]
    private partial void LogFailed(Exception exception);
}
