using Microsoft.Extensions.Localization;
using Readiness.Data.Accounts;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Data.Situation;
using Readiness.Web.Components.Shared;
using Readiness.Web.Resources;
using SpreadCheetah;

namespace Readiness.Web.Api;

/// <summary>
/// <c>/wilayah/{code}/kejadian.xlsx</c>: the incident log of a region and everything under it, for admins, leaders
/// and liaison officers in scope. Times in the region's zone with WIB/WITA/WIT; every cell text, so typed text never
/// runs as a formula.
/// </summary>
public static class IncidentExportEndpoints
{
    /// <summary>Maps the incident log export.</summary>
    public static void MapIncidentExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/wilayah/{code}/kejadian.xlsx", ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(string code, HttpContext context, IncidentStore incidents, RegionStore regions, TimeProvider time,
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

        if (!actor.CanExportIncidents(region.Code))
        {
            Refusal.Log(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IncidentExportEndpoints)), actor,
                "export incidents", region.Code, AccessDeniedException.ReadOnly);
            return Results.Text(l[actor.CanSee(region.Code) ? AccessDeniedException.ReadOnly : AccessDeniedException.OutOfScope],
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        var list = await incidents.ListAsync(actor, region.Code, take: IncidentStore.MaxList, cancellationToken: context.RequestAborted);
        var fileName = ExportTable.FileName(region.Code, time.GetUtcNow(), region.Zone, "xlsx").Replace("kesiapan", "kejadian", StringComparison.Ordinal);
        return Results.File(await WriteAsync(list, l, context.RequestAborted), ExportEndpoints.XlsxContentType, fileName);
    }

    /// <summary>The header row and one row per incident, all text.</summary>
    public static IEnumerable<string[]> Rows(IReadOnlyList<Incident> incidents, IStringLocalizer l)
    {
        yield return
        [
            "Id", l["Incident.Time"], l["Incident.Region"], l["Incident.Place"], l["Incident.Kind"], l["Incident.Severity"],
            l["Incident.Significant"], l["Incident.Status"], l["Incident.Reporting"], l["Incident.Handling"], l["Incident.Description"],
            l["Incident.ClosingNote"], l["Incident.ReportedBy"],
        ];
        foreach (var i in incidents)
        {
            yield return
            [
                i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), LocalTime.Format(i.OccurredAtUtc, i.Zone), $"{i.RegionCode} {i.RegionName}",
                i.Place, l["Incident.Kind." + i.Kind], l["Incident.Severity." + i.Severity], i.IsSignificant ? l["Incident.Significant"] : "",
                l["Incident.Status." + i.Status], i.ReportingAgency, i.HandlingAgencies, i.Description ?? "", i.ClosingNote ?? "", i.ReportedBy,
            ];
        }
    }

    private static async Task<byte[]> WriteAsync(IReadOnlyList<Incident> incidents, IStringLocalizer l, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync("Kejadian", token: cancellationToken);
            foreach (var row in Rows(incidents, l))
            {
                await spreadsheet.AddRowAsync(row.Select(text => new Cell(text)).ToArray(), cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }
}
