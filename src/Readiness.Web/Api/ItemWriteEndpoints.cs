using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Api;

/// <summary>
/// <c>POST /api/butir/{id}/status</c>: a liaison's status change (with its note and number) over plain HTTP, so a tap
/// needs no circuit: the buttons of the first, prerendered page and a phone's offline queue send it here. The same
/// store call, checks, event and live feed as a tap on a live page; the circuit only renders.
/// </summary>
/// <remarks>
/// Needs the sign-in cookie and the antiforgery token of the page (header <c>RequestVerificationToken</c>, from the
/// page's <c>meta name="antiforgery"</c>). Answers: 200 <c>saved</c> or <c>alreadyApplied</c> (the operation id was
/// seen: a replay changes nothing) with the item; 409 <c>conflict</c> with the other change; 400, 403, 404 as
/// problem+json whose title is a message in the user's language.
/// </remarks>
internal static class ItemWriteEndpoints
{
    /// <summary>What the phone sends: the version it saw, the new status, an optional note and number, and its operation id.</summary>
    /// <param name="ExpectedVersion">The item's version the person saw; another change since is a conflict.</param>
    /// <param name="Status">belum, proses, siap or kendala.</param>
    /// <param name="Note">The note (required with kendala), at most 1,000 characters; null keeps none.</param>
    /// <param name="OperationId">Made on the phone once per tap; sending it again is harmless.</param>
    /// <param name="Done">How many are done, for an item with a number.</param>
    /// <param name="Target">The target, for an item whose target the liaison sets.</param>
    public sealed record StatusChangeRequest(int ExpectedVersion, string Status, string? Note, Guid OperationId, int? Done = null, int? Target = null);

    /// <summary>An item as the answer carries it: its status, note, number, version and who changed it last (UTC).</summary>
    public sealed record ItemState(long Id, string Status, string? Note, int Version, int? Done, int? Target, string? Unit,
        DateTime UpdatedAtUtc, string? UpdatedBy);

    /// <summary><c>saved</c>, <c>alreadyApplied</c> or <c>conflict</c>, with the item as it now stands.</summary>
    public sealed record SaveAnswer(string Result, ItemState Item);

    public static void MapItemWriteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/butir/{id:long}/status", ChangeStatusAsync)
            .RequireAuthorization(Accounts.AccountServiceCollectionExtensions.ApiPolicy)
            .WithName("UbahStatusButir")
            .WithSummary("Ubah status butir (penghubung) / Change an item's status (liaison officer)")
            .Produces<SaveAnswer>(StatusCodes.Status200OK)
            .Produces<SaveAnswer>(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ChangeStatusAsync(long id, StatusChangeRequest? request, HttpContext context, IAntiforgery antiforgery,
        ChecklistStore checklists, IStringLocalizer<SharedResource> l)
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

        if (request is null || request.OperationId == Guid.Empty || request.Status is null)
        {
            return Results.Problem(title: l["Api.BadChange"], statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var result = await checklists.ChangeStatusAsync(actor, new StatusChange(id, request.ExpectedVersion, request.Status, request.Note,
                request.OperationId, request.Done, request.Target), context.RequestAborted);
            return result switch
            {
                SaveResult.Saved saved => Results.Ok(new SaveAnswer("saved", StateOf(saved.Item))),
                SaveResult.AlreadyApplied applied => Results.Ok(new SaveAnswer("alreadyApplied", StateOf(applied.Item))),
                SaveResult.Conflict conflict => Results.Conflict(new SaveAnswer("conflict", StateOf(conflict.Current))),
                _ => Results.Problem(title: l["Api.ItemNotFound"], statusCode: StatusCodes.Status404NotFound),
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

    private static ItemState StateOf(ChecklistItem item) =>
        new(item.Id, item.Status, item.Note, item.Version, item.Done, item.Target, item.Unit, item.UpdatedAtUtc, item.UpdatedBy);
}
