using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Regions;
using SpreadCheetah;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Api;

internal static class ExportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>/wilayah/{code}/ekspor.csv</c> and <c>/wilayah/{code}/ekspor.xlsx</c>: the items of a region and everything
    /// under it, the same columns in both. Leaders and admins get every agency; a liaison only their own. The CSV is
    /// UTF-8 with a BOM so spreadsheet programs show Indonesian text; the xlsx opens in Excel set up for Indonesia,
    /// whose list separator is ";" and reads a comma CSV as one column.
    /// </summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/wilayah/{code}/ekspor.csv", (string code, HttpContext context, ChecklistStore checklists, RegionStore regions,
            RegionCalendar calendar, TimeProvider time, IStringLocalizer<SharedResource> l) =>
            ExportAsync(code, "csv", context, checklists, regions, calendar, time, l)).RequireAuthorization();
        endpoints.MapGet("/wilayah/{code}/ekspor.xlsx", (string code, HttpContext context, ChecklistStore checklists, RegionStore regions,
            RegionCalendar calendar, TimeProvider time, IStringLocalizer<SharedResource> l) =>
            ExportAsync(code, "xlsx", context, checklists, regions, calendar, time, l)).RequireAuthorization();
    }

    private static async Task<IResult> ExportAsync(string code, string format, HttpContext context, ChecklistStore checklists,
        RegionStore regions, RegionCalendar calendar, TimeProvider time, IStringLocalizer<SharedResource> l)
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

        if ((await calendar.DayAsync(region, context.RequestAborted)).Election is not { } election)
        {
            return Results.NotFound();
        }

        IReadOnlyList<ItemView> items;
        try
        {
            items = await checklists.ListForExportAsync(actor, election.Id, code, context.RequestAborted);
        }
        catch (InputException ex)
        {
            return Results.Text(l[ex.Key, ex.Arguments], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AccessDeniedException ex)
        {
            // Logged where it was refused (Actor.RequireExport).
            return Results.Text(l[ex.Reason], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        var fileName = ExportTable.FileName(region.Code, time.GetUtcNow(), region.Zone, format);
        return format == "xlsx"
            ? Results.File(await WriteXlsxAsync(items, l, context.RequestAborted), XlsxContentType, fileName)
            : Results.File(WriteCsv(items, l), "text/csv; charset=utf-8", fileName);
    }

    private static byte[] WriteCsv(IReadOnlyList<ItemView> items, IStringLocalizer l)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
               {
                   // A note that starts with = + - @ must never run as a spreadsheet formula.
                   InjectionOptions = InjectionOptions.Escape,
               }))
        {
            foreach (var row in ExportTable.Rows(items, l).Prepend([.. ExportTable.Header]))
            {
                foreach (var field in row)
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Every cell a text cell: SpreadCheetah writes a formula only for a Formula cell, so "=HYPERLINK(...)", "+1" or
    /// "@x" in a note stays the text someone typed.
    /// </summary>
    internal static async Task<byte[]> WriteXlsxAsync(IReadOnlyList<ItemView> items, IStringLocalizer l, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync("Kesiapan", token: cancellationToken);
            foreach (var row in ExportTable.Rows(items, l).Prepend([.. ExportTable.Header]))
            {
                await spreadsheet.AddRowAsync(row.Select(text => new Cell(text)).ToArray(), cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }
}
