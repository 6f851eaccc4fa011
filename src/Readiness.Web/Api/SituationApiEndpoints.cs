using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Data.Situation;
using Readiness.Web.Accounts;

namespace Readiness.Web.Api;

/// <summary>
/// <c>GET /api/wilayah/{code}/kamtibmas</c>: a region's Kamtibmas level (with its reason and when it was set, UTC),
/// the worst level of each region one level down, and the incident counts under it. A hub client that hears an
/// <c>Activity</c> message of kind <c>kamtibmas</c> or <c>kejadian</c> reads this again.
/// </summary>
public static class SituationApiEndpoints
{
    /// <summary>Maps the endpoint under <c>/api</c> with the API's own authorization policy.</summary>
    public static void MapSituationApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api").RequireAuthorization(AccountServiceCollectionExtensions.ApiPolicy)
            .MapGet("/wilayah/{code}/kamtibmas", GetAsync);

    private static async Task<IResult> GetAsync(string code, HttpContext context, RegionStore regions, SituationStore situations, IncidentStore incidents)
    {
        var actor = ReadinessClaims.ToActor(context.User)!;
        var region = await regions.FindAsync(code, context.RequestAborted);
        if (region is null)
        {
            return Results.Problem(title: "Wilayah tidak dikenal / Unknown region", detail: code, statusCode: StatusCodes.Status404NotFound);
        }

        if (!actor.CanSee(code))
        {
            return Results.Problem(title: "Di luar wilayah tugas / Outside your scope", statusCode: StatusCodes.Status403Forbidden);
        }

        var current = await situations.CurrentAsync(actor, code, context.RequestAborted);
        var children = await situations.WorstByChildAsync(actor, code, context.RequestAborted);
        var counts = await incidents.CountsAsync(actor, code, cancellationToken: context.RequestAborted);
        return Results.Ok(new
        {
            RegionCode = region.Code,
            RegionName = region.Name,
            Level = current?.Level,
            Reason = current?.Reason,
            UpdatedAtUtc = current?.UpdatedAtUtc,
            StageId = current?.StageId,
            WorstByChild = children,
            Incidents = new
            {
                counts.Total, counts.Open, counts.Closed, counts.OpenSignificant, counts.LastSevenDays, counts.ByKind, counts.BySeverity,
            },
        });
    }
}
