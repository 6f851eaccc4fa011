using Readiness.Data.Accounts;
using Readiness.Data.Agencies;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Web.Accounts;
using Readiness.Web.Live;
using Readiness.Data.Shared;

namespace Readiness.Web.Api;

internal static class ApiEndpoints
{
    public sealed record CountsDto(int NotStarted, int InProgress, int Ready, int Blocked, int Total, double? ReadyShare)
    {
        public static CountsDto From(ReadinessCounts c) => new(c.NotStarted, c.InProgress, c.Ready, c.Blocked, c.Total, c.ReadyShare);
    }

    public sealed record StageDto(string Code, string Name, DateOnly Start, DateOnly End, CountsDto Counts);

    public sealed record AgencyDto(string Code, string Name, CountsDto Counts, IReadOnlyList<StageDto> Stages);

    public sealed record RegionReadinessDto(string Code, string Name, int Level, string TimeZone, string Election, DateOnly VotingDay,
        DateTime AsOfUtc, CountsDto Overall, IReadOnlyList<AgencyDto> Agencies);

    public static void MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AccountServiceCollectionExtensions.ApiPolicy);

        // Readiness of a region and everything under it, by agency and stage, from this server's board.
        api.MapGet("/wilayah/{code}/kesiapan", async (string code, HttpContext context, RegionStore regions, RegionCalendar calendar,
            ReadinessBoard board, TimeProvider time) =>
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

            var day = await calendar.DayAsync(region, context.RequestAborted);
            if (day.Election is not { } election)
            {
                return Results.Problem(title: "Belum ada pemilihan / No election", statusCode: StatusCodes.Status404NotFound);
            }

            var stages = day.Stages;
            var counts = await board.ByAgencyAndStageAsync(actor, election.Id, code, context.RequestAborted);
            var agencies = Agency.All.Select(agency =>
            {
                var perStage = stages.Select(s => new StageDto(s.Code, s.Name, s.StartDate, s.EndDate,
                    CountsDto.From(counts.GetValueOrDefault((agency.Code, s.Id), ReadinessCounts.Empty)))).ToList();
                var total = counts.Where(c => c.Key.Agency == agency.Code).Aggregate(ReadinessCounts.Empty, (sum, c) => sum + c.Value);
                return new AgencyDto(agency.Code, agency.Name, CountsDto.From(total), perStage);
            }).ToList();
            var overall = counts.Values.Aggregate(ReadinessCounts.Empty, (sum, c) => sum + c);
            return Results.Ok(new RegionReadinessDto(region.Code, region.Name, (int)region.Level, region.TimeZone, election.Name,
                election.VotingDay, time.GetUtcNow().UtcDateTime, CountsDto.From(overall), agencies));
        });

        // The feed's counters, for admins.
        api.MapGet("/diagnostik/feed", (FeedPump pump) => Results.Ok(pump.Counters))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        // Managed memory after a full collection, for admins: how the memory-per-screen figure is measured.
        api.MapGet("/diagnostik/memori", () =>
        {
            var bytes = GC.GetTotalMemory(forceFullCollection: true);
            return Results.Ok(new { ManagedBytes = bytes, Circuits = CircuitCounter.Open });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
    }
}
