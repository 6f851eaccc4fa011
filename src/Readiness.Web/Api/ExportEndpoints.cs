using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Regions;
using Readiness.Web.Accounts;

namespace Readiness.Web.Api;

internal static class ExportEndpoints
{
    /// <summary>
    /// <c>/wilayah/{code}/ekspor.csv</c>: the items of a region and everything under it, UTF-8 with a BOM so
    /// spreadsheet programs show Indonesian text. Leaders and admins get every agency; a liaison only their own.
    /// </summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/wilayah/{code}/ekspor.csv", async (string code, HttpContext context, ChecklistStore checklists,
            ElectionStore elections, TimeProvider time, IStringLocalizer<SharedResource> l) =>
        {
            var actor = ReadinessClaims.ToActor(context.User);
            if (actor is null)
            {
                return Results.Challenge();
            }

            var election = await elections.CurrentAsync(RegionTimeZone.Wib.Today(time), context.RequestAborted);
            if (election is null)
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

            var fileName = $"kesiapan-{code}-{time.GetUtcNow():yyyyMMdd-HHmm}.csv";
            return Results.File(WriteCsv(items, l), "text/csv; charset=utf-8", fileName);
        }).RequireAuthorization();

    private static byte[] WriteCsv(IReadOnlyList<ItemView> items, IStringLocalizer<SharedResource> l)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
               {
                   // A note that starts with = + - @ must never run as a spreadsheet formula.
                   InjectionOptions = InjectionOptions.Escape,
               }))
        {
            foreach (var header in new[]
                     {
                         "Kode wilayah", "Wilayah", "Instansi", "Tahapan", "Butir", "Tingkat", "Batas waktu", "Status", "Catatan",
                         "Diubah oleh", "Diubah pada",
                     })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var view in items)
            {
                var item = view.Item;
                csv.WriteField(item.RegionCode);
                csv.WriteField(view.RegionName);
                csv.WriteField(item.AgencyCode);
                csv.WriteField(view.StageName);
                csv.WriteField(item.Title);
                csv.WriteField(l["Criticality." + item.Criticality].Value);
                csv.WriteField(item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(l["Status." + item.Status].Value);
                csv.WriteField(item.Note ?? "");
                csv.WriteField(item.UpdatedBy ?? "");
                csv.WriteField(view.Zone.ToLocal(item.UpdatedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + view.Zone.Abbreviation);
                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
