using System.Net.Mime;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Api;

/// <summary>
/// Evidence on an item over plain HTTP, so a phone's upload needs no circuit and can be queued offline:
/// <c>POST /api/butir/{id}/bukti</c> (multipart: <c>file</c> and <c>operationId</c>; cookie and antiforgery header as
/// <c>POST /api/butir/{id}/status</c>), <c>GET /api/bukti/{id}</c> and <c>GET /api/bukti/{id}/kecil</c> (the file and its
/// thumbnail, to users whose scope covers the item), <c>DELETE /api/bukti/{id}</c> (admins). Every check is the
/// store's; refusals are problem+json whose title is a message in the user's language.
/// </summary>
internal static class EvidenceEndpoints
{
    // The served file must never run as a page of this origin: no sniffing, no script, a sandbox if opened directly.
    private const string FilePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

    // The multipart boundaries, headers and operation id around the file.
    private const int FormOverheadBytes = 64 * 1024;

    /// <summary>One piece of evidence as listed: its id, type, name, size, pixels, who added it and when (UTC).</summary>
    public sealed record EvidenceAnswer(long Id, long ItemId, string ContentType, string FileName, int SizeBytes, int? Width, int? Height,
        string UploadedBy, DateTime UploadedAtUtc);

    public static void MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(Accounts.AccountServiceCollectionExtensions.ApiPolicy);
        api.MapPost("/butir/{id:long}/bukti", UploadAsync)
            .WithName("TambahBukti")
            .WithSummary("Tambah bukti foto/dokumen (penghubung) / Add photo or document evidence (liaison officer)")
            .Produces<EvidenceAnswer>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/bukti/{id:long}", (long id, HttpContext context, EvidenceStore store, IStringLocalizer<SharedResource> l) =>
                ServeAsync(id, thumbnail: false, context, store, l))
            .WithName("UnduhBukti")
            .WithSummary("Unduh bukti / Download evidence");
        api.MapGet("/bukti/{id:long}/kecil", (long id, HttpContext context, EvidenceStore store, IStringLocalizer<SharedResource> l) =>
                ServeAsync(id, thumbnail: true, context, store, l))
            .WithName("GambarKecilBukti")
            .WithSummary("Gambar kecil bukti / Evidence thumbnail");
        api.MapDelete("/bukti/{id:long}", RemoveAsync)
            .WithName("HapusBukti")
            .WithSummary("Hapus bukti (admin) / Remove evidence (admin)");
    }

    private static async Task<IResult> UploadAsync(long id, HttpContext context, IAntiforgery antiforgery, EvidenceStore store,
        IStringLocalizer<SharedResource> l)
    {
        var actor = ReadinessClaims.ToActor(context.User);
        if (actor is null)
        {
            return Results.Problem(title: l["Access.ReadOnly"], statusCode: StatusCodes.Status403Forbidden);
        }

        // No body larger than a file we take (plus the form's own bytes) is read at all, not even to find a token in it.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = EvidenceContent.MaxUploadBytes + FormOverheadBytes;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(title: l["Api.StaleForm"], statusCode: StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Results.Problem(title: l[InputException.EvidenceTooLarge, EvidenceContent.MaxUploadBytes / (1024 * 1024)],
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(title: l["Evidence.NoFile"], statusCode: StatusCodes.Status400BadRequest);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A body over the form limits, or cut off on the way.
            return Results.Problem(title: l[InputException.EvidenceTooLarge, EvidenceContent.MaxUploadBytes / (1024 * 1024)],
                statusCode: StatusCodes.Status400BadRequest);
        }

        var file = form.Files.GetFile("file");
        if (file is null || !Guid.TryParse(form["operationId"], out var operationId) || operationId == Guid.Empty)
        {
            return Results.Problem(title: l["Evidence.NoFile"], statusCode: StatusCodes.Status400BadRequest);
        }

        if (file.Length > EvidenceContent.MaxUploadBytes)
        {
            return Results.Problem(title: l[InputException.EvidenceTooLarge, EvidenceContent.MaxUploadBytes / (1024 * 1024)],
                statusCode: StatusCodes.Status400BadRequest);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, context.RequestAborted);
        }

        try
        {
            var stored = await store.AddAsync(actor, id, file.FileName, bytes, operationId, context.RequestAborted);
            return stored is null
                ? Results.Problem(title: l["Api.ItemNotFound"], statusCode: StatusCodes.Status404NotFound)
                : Results.Ok(AnswerOf(stored));
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

    private static async Task<IResult> ServeAsync(long id, bool thumbnail, HttpContext context, EvidenceStore store, IStringLocalizer<SharedResource> l)
    {
        var actor = ReadinessClaims.ToActor(context.User);
        if (actor is null)
        {
            return Results.Problem(title: l["Access.ReadOnly"], statusCode: StatusCodes.Status403Forbidden);
        }

        EvidenceFile? file;
        try
        {
            file = await store.ReadAsync(actor, id, thumbnail, context.RequestAborted);
        }
        catch (AccessDeniedException ex)
        {
            return Results.Problem(title: l[ex.Reason], statusCode: StatusCodes.Status403Forbidden);
        }

        if (file is null)
        {
            return Results.Problem(title: l["Evidence.NotFound"], statusCode: StatusCodes.Status404NotFound);
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = FilePolicy;
        // Asked again each time (the ETag keeps it cheap): a file removed, or a user signed out on a shared phone, is
        // not served from the browser's cache without the scope check.
        headers.CacheControl = "private, no-cache";
        // A photo shows in place; a PDF is always a download, never a page of this origin.
        var disposition = new ContentDispositionHeaderValue(file.ContentType == EvidenceContent.Pdf ? "attachment" : "inline");
        disposition.SetHttpFileName(thumbnail ? "kecil-" + Path.ChangeExtension(file.FileName, ".jpg") : file.FileName);
        headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(file.Content, file.ContentType == EvidenceContent.Pdf ? MediaTypeNames.Application.Pdf : MediaTypeNames.Image.Jpeg,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256[..32]}{(thumbnail ? "-k" : "")}\""));
    }

    private static async Task<IResult> RemoveAsync(long id, HttpContext context, IAntiforgery antiforgery, EvidenceStore store,
        IStringLocalizer<SharedResource> l)
    {
        var actor = ReadinessClaims.ToActor(context.User);
        if (actor is null)
        {
            return Results.Problem(title: l["Access.AdminOnly"], statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return await store.RemoveAsync(actor, id, context.RequestAborted)
                ? Results.NoContent()
                : Results.Problem(title: l["Evidence.NotFound"], statusCode: StatusCodes.Status404NotFound);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(title: l["Api.StaleForm"], statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AccessDeniedException ex)
        {
            return Results.Problem(title: l[ex.Reason], statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private static EvidenceAnswer AnswerOf(Evidence e) =>
        new(e.Id, e.ItemId, e.ContentType, e.FileName, e.SizeBytes, e.Width, e.Height, e.UploadedBy, e.UploadedAtUtc);
}
