using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Web.Accounts;
using Readiness.Data.Shared;
using Readiness.Web.Hosting;

namespace Readiness.Web.Api;

/// <summary>
/// <c>/hubs/readiness</c> for clients outside the app: a client joins a region in its scope (a user's cookie or a
/// screen token) and then receives <c>itemChanged</c> with every change under it, the same payload screens get, and
/// <c>activity</c> when a neutrality, Kamtibmas, incident or coordination panel of a region under it changed.
/// Access is checked against the database at every join and re-checked for open connections at the revalidation
/// interval (<see cref="HubAccessRevalidation"/>): a revoked token or a disabled user is cut off.
/// </summary>
/// <remarks>
/// What a client sends never grows the log by its own size: a refusal is logged with the code cut short
/// (<see cref="Refusal.ForLog"/>), and once per connection per minute however often it is refused. One user or one
/// screen token holds at most <see cref="AccountOptions.HubConnectionsPerIdentity"/> connections on a server.
/// </remarks>
[Authorize(Policy = AccountServiceCollectionExtensions.ApiPolicy)]
public sealed partial class ReadinessHub(
    AccessCheck access,
    HubConnections connections,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<ReadinessHub> logger) : Hub
{
    public const string Path = "/hubs/readiness";
    public const string ItemChanged = "itemChanged";

    /// <summary>
    /// Sent with each region activity under a joined region: <c>{ regionCode, kind, seq, atUtc, level }</c>, kind one
    /// of <c>ActivityKinds</c> (netralitas, kamtibmas, kejadian, koordinasi); <c>level</c> is the region's Kamtibmas
    /// level now (kondusif, pg, ag, gn) for kind kamtibmas, else null. A client reloads that panel through the JSON
    /// API; the message never carries a person's data or a typed text.
    /// </summary>
    public const string Activity = "activity";
    private const int JoinsPerMinute = 10;
    private static readonly TimeSpan RefusalLogWindow = TimeSpan.FromMinutes(1);

    public static string Group(string regionCode) => "wilayah:" + regionCode;

    /// <summary>
    /// Registers the connection. One over the per-user (or per-screen) limit that got past <see cref="HubGate"/> (many
    /// opened at the same moment) is closed at once, without an exception: SignalR would log each one with its stack.
    /// </summary>
    public override Task OnConnectedAsync()
    {
        if (!connections.TryAdd(Context, options.Value.HubConnectionsPerIdentity))
        {
            Context.Abort();
            return Task.CompletedTask;
        }

        return base.OnConnectedAsync();
    }

    /// <summary>Lets the connection go, so it no longer counts against its user's or screen's limit.</summary>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Joins the region's group. Refused (a <see cref="HubException"/> with a bilingual message) for a malformed code,
    /// outside the caller's scope, when joining too fast, and when the caller's access has ended since they connected;
    /// then the connection is closed too.
    /// </summary>
    public async Task JoinRegion(string regionCode)
    {
        var actor = ReadinessClaims.ToActor(Context.User!)
            ?? throw new HubException("Masuk dulu. / Sign in first.");
        if (!AllowJoin())
        {
            LogRefused(actor, regionCode, "too many joins");
            throw new HubException("Terlalu sering bergabung; coba lagi dalam satu menit. / Joining too often; try again in a minute.");
        }

        if (!RegionCode.IsValid(regionCode))
        {
            LogRefused(actor, regionCode ?? "", "malformed code");
            throw new HubException(ApiProblem.MalformedRegion);
        }

        // The user's current state, every time: the claims are as old as the connection.
        if (!await access.IsStillValidAsync(Context.User!, Context.ConnectionAborted))
        {
            // Out of every group at once; the next re-check closes the connection itself.
            LogRefused(actor, regionCode, "access ended");
            foreach (var joined in Joined())
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(joined), Context.ConnectionAborted);
            }

            Joined().Clear();
            throw new HubException("Akses Anda sudah berakhir; masuk lagi. / Your access has ended; sign in again.");
        }

        if (!actor.CanSee(regionCode))
        {
            LogRefused(actor, regionCode, AccessDeniedException.OutOfScope);
            throw new HubException("Wilayah ini di luar wilayah tugas Anda. / This region is outside your scope.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(regionCode), Context.ConnectionAborted);
        Joined().Add(regionCode);
    }

    public async Task LeaveRegion(string regionCode)
    {
        if (RegionCode.IsValid(regionCode))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(regionCode), Context.ConnectionAborted);
            Joined().Remove(regionCode);
        }
    }

    /// <summary>Logs a refused join, at most once per connection per <see cref="RefusalLogWindow"/> (with how many went unlogged).</summary>
    private void LogRefused(Actor actor, string regionCode, string reason)
    {
        var now = time.GetUtcNow();
        var window = Context.Items.TryGetValue("refusals", out var value) ? (RefusalWindow)value! : null;
        if (window is not null && now - window.Since < RefusalLogWindow)
        {
            window.Unlogged++;
            return;
        }

        var unlogged = window?.Unlogged ?? 0;
        Context.Items["refusals"] = new RefusalWindow(now);
        Refusal.Log(logger, actor, "join the hub group of", regionCode,
            unlogged == 0 ? reason : $"{reason} ({unlogged} more refusals on this connection in the last minute went unlogged)");
    }

    private sealed class RefusalWindow(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public int Unlogged { get; set; }
    }

    private HashSet<string> Joined()
    {
        if (!Context.Items.TryGetValue("joined", out var value))
        {
            value = new HashSet<string>(StringComparer.Ordinal);
            Context.Items["joined"] = value;
        }

        return (HashSet<string>)value!;
    }

    private bool AllowJoin()
    {
        var now = time.GetUtcNow();
        var joins = Context.Items.TryGetValue("joins", out var value) ? (Queue<DateTimeOffset>)value! : new Queue<DateTimeOffset>();
        Context.Items["joins"] = joins;
        while (joins.Count > 0 && now - joins.Peek() > TimeSpan.FromMinutes(1))
        {
            joins.Dequeue();
        }

        if (joins.Count >= JoinsPerMinute)
        {
            return false;
        }

        joins.Enqueue(now);
        return true;
    }
}
