using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Readiness.Data.Accounts;
using Readiness.Data.Elections;
using Readiness.Data.Figures;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Api;

/// <summary>
/// <c>POST /api/wilayah/{code}/angka</c>: a liaison saves a kecamatan's figures over plain HTTP (the KPU liaison its TPS
/// count, the Polri liaison Polri's four classes of its TPS), so a save needs no circuit: the figures panel's queue on
/// the phone (js/figures.js, in js/field.js's queue) sends it here when the link returns. The same store call, checks,
/// history, targets that follow and live feed as a save on a live page.
/// </summary>
/// <remarks>
/// Needs the sign-in cookie and the page's antiforgery token (header <c>RequestVerificationToken</c>), as the status
/// tap does. Answers: 200 <c>saved</c> or <c>alreadyApplied</c> (the operation id was seen: a replay changes nothing)
/// with the figures; 409 <c>conflict</c> with the figures someone else saved meanwhile; 400, 403, 404 as problem+json
/// whose title is a message in the user's language.
/// </remarks>
internal static class FigureWriteEndpoints
{
    /// <summary>
    /// What the phone sends: either the TPS count alone, or all four of Polri's classes; the figures version it saw;
    /// its operation id; and the election (omitted: the region's current one).
    /// </summary>
    /// <param name="ExpectedVersion">The kecamatan's figures version the person saw (0: none set yet); a change since is a conflict.</param>
    /// <param name="OperationId">Made on the phone once per save; sending it again is harmless.</param>
    /// <param name="ElectionId">The election the figures are of; null for the region's current election.</param>
    /// <param name="Tps">The number of TPS (the KPU liaison's).</param>
    /// <param name="KurangRawan">TPS graded kurang rawan (the Polri liaison's, with the other three).</param>
    /// <param name="Rawan">TPS graded rawan.</param>
    /// <param name="SangatRawan">TPS graded sangat rawan.</param>
    /// <param name="Khusus">TPS khusus.</param>
    public sealed record FigureChangeRequest(int ExpectedVersion, Guid OperationId, int? ElectionId = null, int? Tps = null, int? KurangRawan = null,
        int? Rawan = null, int? SangatRawan = null, int? Khusus = null);

    /// <summary>A kecamatan's figures as the answer carries them, with their version and who changed them last (UTC).</summary>
    public sealed record FigureValues(string RegionCode, int ElectionId, int? Tps, int? KurangRawan, int? Rawan, int? SangatRawan, int? Khusus,
        int Version, string? UpdatedBy, DateTime? UpdatedAtUtc);

    /// <summary><c>saved</c>, <c>alreadyApplied</c> or <c>conflict</c>, with the figures as they now stand.</summary>
    public sealed record FigureAnswer(string Result, FigureValues Figures);

    /// <summary>Maps <c>POST /api/wilayah/{code}/angka</c> for signed-in people (not screens), described in the OpenAPI document.</summary>
    public static void MapFigureWriteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/wilayah/{code}/angka", SaveAsync)
            .RequireAuthorization(Accounts.AccountServiceCollectionExtensions.ApiPolicy)
            .WithName("SimpanAngkaWilayah")
            .WithSummary("Simpan angka kecamatan (penghubung KPU atau Polri) / Save a kecamatan's figures (KPU or Polri liaison officer)")
            .Produces<FigureAnswer>(StatusCodes.Status200OK)
            .Produces<FigureAnswer>(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SaveAsync(string code, FigureChangeRequest? request, HttpContext context, IAntiforgery antiforgery,
        FigureStore figures, RegionStore regions, ElectionStore elections, RegionCalendar calendar, IStringLocalizer<SharedResource> l)
    {
        var actor = ReadinessClaims.ToActor(context.User);
        if (actor?.UserId is null)
        {
            return Results.Problem(title: l["Access.ReadOnly"], statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(title: l["Api.StaleForm"], statusCode: StatusCodes.Status400BadRequest);
        }

        int?[] classes = [request?.KurangRawan, request?.Rawan, request?.SangatRawan, request?.Khusus];
        var tpsAlone = request?.Tps is not null && classes.All(c => c is null);
        var classesAlone = request?.Tps is null && classes.All(c => c is not null);
        if (request is null || request.OperationId == Guid.Empty || !(tpsAlone || classesAlone))
        {
            return Results.Problem(title: l["Api.BadFigures"], statusCode: StatusCodes.Status400BadRequest);
        }

        // A code of the right shape that names no region would otherwise reach the table's foreign key.
        var region = await regions.FindAsync(code, context.RequestAborted);
        if (region is null)
        {
            return Results.Problem(title: l["Api.RegionNotFound"], detail: code, statusCode: StatusCodes.Status404NotFound);
        }

        int electionId;
        if (request.ElectionId is { } asked)
        {
            if (!(await elections.AllAsync(context.RequestAborted)).Any(e => e.Id == asked))
            {
                return Results.Problem(title: l["Api.ElectionNotFound"], statusCode: StatusCodes.Status404NotFound);
            }

            electionId = asked;
        }
        else if ((await calendar.DayAsync(region, context.RequestAborted)).Election is { } current)
        {
            electionId = current.Id;
        }
        else
        {
            return Results.Problem(title: l["Api.ElectionNotFound"], statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            var result = tpsAlone
                ? await figures.SetTpsAsync(actor, electionId, code, request.Tps!.Value, request.ExpectedVersion, request.OperationId,
                    context.RequestAborted)
                : await figures.SetClassesAsync(actor, electionId, code,
                    new TpsClasses(request.KurangRawan!.Value, request.Rawan!.Value, request.SangatRawan!.Value, request.Khusus!.Value),
                    request.ExpectedVersion, request.OperationId, context.RequestAborted);
            return result switch
            {
                FigureSaveResult.Saved saved => Results.Ok(new FigureAnswer("saved", ValuesOf(saved.Figures))),
                FigureSaveResult.AlreadyApplied applied => Results.Ok(new FigureAnswer("alreadyApplied", ValuesOf(applied.Figures))),
                FigureSaveResult.Conflict conflict => Results.Conflict(new FigureAnswer("conflict", ValuesOf(conflict.Current))),
                _ => throw new InvalidOperationException("A figures save answered none of its three results."),
            };
        }
        catch (InputException ex)
        {
            return Results.Problem(title: l[ex.Key, ex.Arguments], statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AccessDeniedException ex)
        {
            return Results.Problem(title: l[ex.Reason], statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private static FigureValues ValuesOf(RegionFigures f) =>
        new(f.RegionCode, f.ElectionId, f.Tps, f.KurangRawan, f.Rawan, f.SangatRawan, f.Khusus, f.Version, f.UpdatedBy, f.UpdatedAtUtc);
}
