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

    /// <summary>
    /// Each item as a row of text, every cell <see cref="Storable"/>: a row stored before its characters were refused
    /// at input must not make the whole file one that Excel refuses.
    /// </summary>
    public static IEnumerable<string[]> Rows(IReadOnlyList<ItemView> items, IStringLocalizer l) =>
        items.Select(view =>
        {
            var item = view.Item;
            return Array.ConvertAll(new[]
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
            }, Storable);
        });

    /// <summary>
    /// <paramref name="text"/> with every character that an XML document cannot hold (control characters other than
    /// tab and line breaks, U+FFFE, U+FFFF, half a surrogate pair) replaced by U+FFFD, the replacement character.
    /// </summary>
    public static string Storable(string text)
    {
        var i = 0;
        while (i < text.Length && IsXmlAt(text, i, out var width))
        {
            i += width;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, i);
        while (i < text.Length)
        {
            if (IsXmlAt(text, i, out var width))
            {
                builder.Append(text, i, width);
                i += width;
            }
            else
            {
                builder.Append('\uFFFD');
                i++;
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlAt(string text, int i, out int width)
    {
        if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
        {
            width = 2;
            return true;
        }

        width = 1;
        return System.Xml.XmlConvert.IsXmlChar(text[i]);
    }

    /// <summary><c>kesiapan-64.02-20261201-0230-WITA.csv</c>: when it was exported, as the region's own clock said.</summary>
    public static string FileName(string regionCode, DateTimeOffset nowUtc, RegionTimeZone zone, string extension) =>
        $"kesiapan-{regionCode}-{zone.ToLocal(nowUtc.UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}-{zone.Abbreviation}.{extension}";
}
