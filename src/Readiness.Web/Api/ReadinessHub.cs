using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Web.Accounts;

namespace Readiness.Web.Api;

/// <summary>
/// <c>/hubs/readiness</c> for clients outside the app: a client joins a region in its scope (a user's cookie or a
/// screen token) and then receives <c>itemChanged</c> with every change under it, the same payload screens get.
/// </summary>
[Authorize(Policy = AccountServiceCollectionExtensions.ApiPolicy)]
public sealed class ReadinessHub(ScreenTokenStore screens, TimeProvider time, ILogger<ReadinessHub> logger) : Hub
{
    public const string Path = "/hubs/readiness";
    public const string ItemChanged = "itemChanged";
    private const int JoinsPerMinute = 10;

    public static string Group(string regionCode) => "wilayah:" + regionCode;

    /// <summary>Joins the region's group; refused outside the caller's scope or when joining too fast.</summary>
    public async Task JoinRegion(string regionCode)
    {
        var actor = ReadinessClaims.ToActor(Context.User!)
            ?? throw new HubException("Masuk dulu. / Sign in first.");
        if (!AllowJoin())
        {
            Refusal.Log(logger, actor, "join the hub group of", regionCode, "too many joins");
            throw new HubException("Terlalu sering bergabung; coba lagi dalam satu menit. / Joining too often; try again in a minute.");
        }

        if (!RegionCode.IsValid(regionCode) || !actor.CanSee(regionCode))
        {
            Refusal.Log(logger, actor, "join the hub group of", regionCode, AccessDeniedException.OutOfScope);
            throw new HubException("Wilayah ini di luar wilayah tugas Anda. / This region is outside your scope.");
        }

        if (actor.ScreenTokenId is { } tokenId && !await screens.IsActiveAsync(tokenId, Context.ConnectionAborted))
        {
            throw new HubException("Layar ini sudah dicabut. / This screen has been revoked.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(regionCode), Context.ConnectionAborted);
    }

    public Task LeaveRegion(string regionCode) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(regionCode), Context.ConnectionAborted);

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
