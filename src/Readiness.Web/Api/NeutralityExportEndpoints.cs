using System.Globalization;
using Microsoft.Extensions.Localization;
using Readiness.Data.Accounts;
using Readiness.Data.Neutrality;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Resources;
using SpreadCheetah;

namespace Readiness.Web.Api;

/// <summary>
/// <c>/wilayah/{code}/netralitas.xlsx</c>: the neutrality cases of a region and everything under it, one row a case,
/// with the date and time of each step in the region's zone. Bawaslu liaisons and leaders in scope and admins get the
/// name, NIP, position, OPD and account (each case's read logged); everyone else gets the same rows without those
/// columns. Screens get nothing.
/// </summary>
internal static class NeutralityExportEndpoints
{
    public static void MapNeutralityExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/wilayah/{code}/netralitas.xlsx", ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(string code, HttpContext context, NeutralityStore store, RegionStore regions, TimeProvider time,
        IStringLocalizer<SharedResource> l)
    {
        var actor = ReadinessClaims.ToActor(context.User);
        if (actor is null)
        {
            return Results.Challenge();
        }

        var region = await regions.FindAsync(code, context.RequestAborted);
        if (region is null)
        {
            return Results.Text(l["Input.RegionInvalid", code], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        NeutralityExport export;
        try
        {
            export = await store.ExportAsync(actor, region.Code, context.RequestAborted);
        }
        catch (AccessDeniedException ex)
        {
            return Results.Text(l[ex.Reason], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        var personal = export.Cases.Any(c => c.HasPersonalData);
        var header = new List<string> { "No", "Wilayah", "Kode wilayah", "Jenis", "Sumber", "Tanggal laporan", "Langkah", "Tenggat PPK", "Sanksi" };
        header.AddRange(NeutralitySteps.All.Select(step => l["Neutrality.Step." + step].Value));
        if (personal)
        {
            header.AddRange(["Nama", "NIP", "Jabatan", "OPD", "Kronologi"]);
        }

        var byCase = export.Events.GroupBy(e => e.SubjectId).ToDictionary(g => g.Key, g => g.ToList());
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: context.RequestAborted))
        {
            await spreadsheet.StartWorksheetAsync("Netralitas ASN", token: context.RequestAborted);
            await spreadsheet.AddRowAsync(header.Select(h => new Cell(h)).ToArray(), context.RequestAborted);
            foreach (var c in export.Cases)
            {
                var zone = RegionCalendar.ZoneOf(c.TimeZone);
                var events = byCase.GetValueOrDefault(c.Id) ?? [];
                var row = new List<string>
                {
                    c.Id.ToString(CultureInfo.InvariantCulture), c.RegionName, c.RegionCode, l["Neutrality.Kind." + c.Kind], l["Neutrality.Source." + c.Source],
                    c.ReportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l["Neutrality.Step." + c.Step],
                    c.PpkDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", c.Sanction is null ? "" : l["Neutrality.Sanction." + c.Sanction],
                };
                // The last time the case reached each step (a correction may have sent it back and on again).
                row.AddRange(NeutralitySteps.All.Select(step => events.LastOrDefault(e => e.StepAfter == step) is { } e
                    ? $"{zone.ToLocal(e.AtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone.Abbreviation} ({e.Actor})"
                    : ""));
                if (personal)
                {
                    row.AddRange([c.PersonName ?? "", c.Nip ?? "", c.Position ?? "", c.OfficeName ?? "", c.Account ?? ""]);
                }

                await spreadsheet.AddRowAsync(row.Select(text => new Cell(ExportTable.Storable(text))).ToArray(), context.RequestAborted);
            }

            await spreadsheet.FinishAsync(context.RequestAborted);
        }

        var local = region.Zone.ToLocal(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return Results.File(stream.ToArray(), ExportEndpoints.XlsxContentType, $"netralitas-{region.Code}-{local}-{region.Zone.Abbreviation}.xlsx");
    }
}
