using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Data.Push;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Api;

/// <summary>
/// Web Push for a signed-in person's phone: <c>GET /api/push/kunci</c> (whether push is on, and the server's VAPID
/// public key), <c>POST /api/push/langganan</c> (keep this browser's subscription, the JSON of the browser's
/// <c>PushSubscription</c>) and <c>DELETE /api/push/langganan</c> (forget it, body <c>{ "endpoint": ... }</c>).
/// </summary>
/// <remarks>
/// Needs the sign-in cookie; the writes also need the page's antiforgery token (header <c>RequestVerificationToken</c>),
/// as <see cref="ItemWriteEndpoints"/> does. Refusals are problem+json whose title is a message in the user's language.
/// </remarks>
internal static class PushEndpoints
{
    /// <summary>The path of the subscription endpoints.</summary>
    public const string SubscriptionPath = "/api/push/langganan";

    /// <summary>Whether push is on here and, when on, the key browsers subscribe with.</summary>
    public sealed record KeyAnswer(bool Enabled, string? PublicKey);

    /// <summary>A browser's subscription as <c>PushSubscription.toJSON()</c> gives it.</summary>
    public sealed record SubscriptionRequest(string? Endpoint, SubscriptionKeys? Keys);

    /// <summary>The browser's key and secret.</summary>
    public sealed record SubscriptionKeys(string? P256dh, string? Auth);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapPushEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/push/kunci", (IOptions<PushOptions> options) =>
                Results.Ok(new KeyAnswer(options.Value.Enabled, options.Value.Enabled ? options.Value.PublicKey : null)))
            .RequireAuthorization(Accounts.AccountServiceCollectionExtensions.ApiPolicy)
            .WithName("KunciPush")
            .WithSummary("Kunci publik VAPID / The server's VAPID public key")
            .Produces<KeyAnswer>(StatusCodes.Status200OK);
        endpoints.MapPost(SubscriptionPath, SubscribeAsync)
            .RequireAuthorization(Accounts.AccountServiceCollectionExtensions.ApiPolicy)
            .WithName("LanggananPush")
            .WithSummary("Izinkan notifikasi di ponsel ini / Keep this browser's push subscription")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        endpoints.MapDelete(SubscriptionPath, UnsubscribeAsync)
            .RequireAuthorization(Accounts.AccountServiceCollectionExtensions.ApiPolicy)
            .WithName("HapusLanggananPush")
            .WithSummary("Hentikan notifikasi di ponsel ini / Forget this browser's push subscription")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> SubscribeAsync(HttpContext context, IAntiforgery antiforgery, PushSubscriptionStore store,
        IStringLocalizer<SharedResource> l)
    {
        var (actor, request, refused) = await CheckAsync(context, antiforgery, l);
        if (refused is not null)
        {
            return refused;
        }

        try
        {
            await store.SaveAsync(actor!, request!.Endpoint, request.Keys?.P256dh, request.Keys?.Auth, context.Request.Headers.UserAgent.ToString(),
                context.RequestAborted);
            return Results.NoContent();
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

    private static async Task<IResult> UnsubscribeAsync(HttpContext context, IAntiforgery antiforgery, PushSubscriptionStore store,
        IStringLocalizer<SharedResource> l)
    {
        var (actor, request, refused) = await CheckAsync(context, antiforgery, l);
        if (refused is not null)
        {
            return refused;
        }

        await store.RemoveAsync(actor!, request!.Endpoint, context.RequestAborted);
        return Results.NoContent();
    }

    // A person (not a wall screen's token) with the page's antiforgery token, and a body that names an endpoint.
    private static async Task<(Actor? Actor, SubscriptionRequest? Request, IResult? Refused)> CheckAsync(HttpContext context, IAntiforgery antiforgery,
        IStringLocalizer<SharedResource> l)
    {
        var actor = ReadinessClaims.ToActor(context.User);
        if (actor?.UserId is null)
        {
            return (null, null, Results.Problem(title: l["Access.ReadOnly"], statusCode: StatusCodes.Status403Forbidden));
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, null, Results.Problem(title: l["Api.StaleForm"], statusCode: StatusCodes.Status400BadRequest));
        }

        return await ReadAsync(context) is { } request
            ? (actor, request, null)
            : (null, null, Results.Problem(title: l[PushInput.EndpointInvalid], statusCode: StatusCodes.Status400BadRequest));
    }

    // The body read by hand, so a body that is not JSON gets the same message as a bad endpoint, never a framework error.
    private static async Task<SubscriptionRequest?> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > 8192)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<SubscriptionRequest>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
