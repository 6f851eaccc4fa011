using System.Globalization;
using Microsoft.Extensions.Localization;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;

namespace Readiness.Web.Api;

/// <summary>
/// What an export holds, once for every format (CSV, xlsx): the columns, each item as a row of text with times in its
/// region's zone ("2026-12-01 02:30 WITA"), and the file name in the exported region's local time with its zone.
/// </summary>
internal static class ExportTable
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Kode wilayah", "Wilayah", "Instansi", "Tahapan", "Butir", "Tingkat", "Batas waktu", "Status", "Catatan",
        "Diubah oleh", "Diubah pada", "Angka", "Sudah", "Target", "Satuan",
    ];

    public static IEnumerable<string[]> Rows(IReadOnlyList<ItemView> items, IStringLocalizer l) =>
        items.Select(view =>
        {
            var item = view.Item;
            return new[]
            {
                item.RegionCode,
                view.RegionName,
                item.AgencyCode,
                view.StageName,
                item.Title,
                l["Criticality." + item.Criticality].Value,
                item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l["Status." + item.Status].Value,
                item.Note ?? "",
                item.UpdatedBy ?? "",
                view.Zone.ToLocal(item.UpdatedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + view.Zone.Abbreviation,
                item.NumberText,
                item.HasNumber ? item.Done?.ToString(CultureInfo.InvariantCulture) ?? "" : "",
                item.HasNumber ? item.Target?.ToString(CultureInfo.InvariantCulture) ?? "" : "",
                item.Unit ?? "",
            };
        });

    /// <summary><c>kesiapan-64.02-20261201-0230-WITA.csv</c>: when it was exported, as the region's own clock said.</summary>
    public static string FileName(string regionCode, DateTimeOffset nowUtc, RegionTimeZone zone, string extension) =>
        $"kesiapan-{regionCode}-{zone.ToLocal(nowUtc.UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}-{zone.Abbreviation}.{extension}";
}
