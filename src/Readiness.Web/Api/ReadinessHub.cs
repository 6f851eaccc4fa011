using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Readiness.Data.Accounts;
using Readiness.Web.Accounts;
using Readiness.Data.Shared;
using Readiness.Web.Hosting;

namespace Readiness.Web.Api;

/// <summary>
/// <c>/hubs/readiness</c> for clients outside the app: a client joins a region in its scope (a user's cookie or a
/// screen token) and then receives <c>itemChanged</c> with every change under it, the same payload screens get.
/// Access is checked against the database at every join and re-checked for open connections at the revalidation
/// interval (<see cref="HubAccessRevalidation"/>): a revoked token or a disabled user is cut off.
/// </summary>
[Authorize(Policy = AccountServiceCollectionExtensions.ApiPolicy)]
public sealed partial class ReadinessHub(AccessCheck access, HubConnections connections, TimeProvider time, ILogger<ReadinessHub> logger) : Hub
{
    public const string Path = "/hubs/readiness";
    public const string ItemChanged = "itemChanged";
    private const int JoinsPerMinute = 10;

    public static string Group(string regionCode) => "wilayah:" + regionCode;

    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        return base.OnConnectedAsync();
    }

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
            Refusal.Log(logger, actor, "join the hub group of", regionCode, "too many joins");
            throw new HubException("Terlalu sering bergabung; coba lagi dalam satu menit. / Joining too often; try again in a minute.");
        }

        if (!RegionCode.IsValid(regionCode))
        {
            Refusal.Log(logger, actor, "join the hub group of", regionCode ?? "", "malformed code");
            throw new HubException(ApiProblem.MalformedRegion);
        }

        // The user's current state, every time: the claims are as old as the connection.
        if (!await access.IsStillValidAsync(Context.User!, Context.ConnectionAborted))
        {
            // Out of every group at once; the next re-check closes the connection itself.
            Refusal.Log(logger, actor, "join the hub group of", regionCode, "access ended");
            foreach (var joined in Joined())
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(joined), Context.ConnectionAborted);
            }

            Joined().Clear();
            throw new HubException("Akses Anda sudah berakhir; masuk lagi. / Your access has ended; sign in again.");
        }

        if (!actor.CanSee(regionCode))
        {
            Refusal.Log(logger, actor, "join the hub group of", regionCode, AccessDeniedException.OutOfScope);
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
