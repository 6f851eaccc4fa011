using System.IO.Compression;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Api;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Tests.Api;

public sealed class ExportTests
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void The_file_name_is_the_regions_local_time_with_its_zone()
    {
        // 18:30 UTC on 30 November is 02:30 WITA on 1 December.
        var now = new DateTimeOffset(2026, 11, 30, 18, 30, 0, TimeSpan.Zero);

        Assert.Equal("kesiapan-64.02-20261201-0230-WITA.csv", ExportTable.FileName("64.02", now, RegionTimeZone.Wita, "csv"));
        Assert.Equal("kesiapan-11.01-20261201-0130-WIB.xlsx", ExportTable.FileName("11.01", now, RegionTimeZone.Wib, "xlsx"));
        Assert.Equal("kesiapan-94.71-20261201-0330-WIT.xlsx", ExportTable.FileName("94.71", now, RegionTimeZone.Wit, "xlsx"));
    }

    [Fact]
    public async Task No_xlsx_cell_is_ever_a_formula_whatever_a_note_says()
    {
        string[] notes = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+1", "-1", "@x", "=1+1", "\t=cmd|' /C calc'!A0"];
        var items = notes.Select((note, i) => View(i + 1, note)).ToList();
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var bytes = await ExportEndpoints.WriteXlsxAsync(items, l, CancellationToken.None);

        var rows = ReadSheet(bytes, out var cellTypes, out var formulas);
        Assert.Equal(0, formulas);
        Assert.All(cellTypes, t => Assert.Contains(t, new[] { "inlineStr", "s" }));
        Assert.Equal(ExportTable.Header, rows[0]);
        Assert.Equal(notes, rows.Skip(1).Select(r => r[8]));
        Assert.Equal("2026-12-01 02:30 WITA", rows[1][10]);
        Assert.Equal(rows[0].Count, rows[1].Count);
    }

    [Fact]
    public async Task An_xlsx_stays_a_valid_file_whatever_characters_were_stored_before_they_were_refused()
    {
        string[] notes = ["Salinan PDF \uFFFE akhir \uFFFF", "separuh \uD83D pasangan", "bel\u0007", "utuh 😀"];
        var items = notes.Select((note, i) => View(i + 1, note)).ToList();
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var bytes = await ExportEndpoints.WriteXlsxAsync(items, l, CancellationToken.None);

        var rows = ReadSheet(bytes, out _, out _);
        Assert.Equal(["Salinan PDF \uFFFD akhir \uFFFD", "separuh \uFFFD pasangan", "bel\uFFFD", "utuh 😀"], rows.Skip(1).Select(r => r[8]));
    }

    private static ItemView View(long id, string note) => new()
    {
        Item = new ChecklistItem
        {
            Id = id, ElectionId = 1, RegionCode = "64.02", AgencyCode = "KPU", StageId = 1, Title = "Logistik tiba di PPS",
            Criticality = "kritis", DueDate = new DateOnly(2026, 12, 5), Status = ItemStatus.Blocked, Note = note,
            UpdatedAtUtc = new DateTime(2026, 11, 30, 18, 30, 0, DateTimeKind.Utc), UpdatedBy = "penghubung.kpu", Version = 2,
        },
        RegionName = "Kabupaten Kutai Kartanegara",
        TimeZone = RegionTimeZone.Wita.Id,
        StageName = "Pemungutan suara",
        StageSortOrder = 7,
    };

    /// <summary>The first sheet's rows as text, read straight from the package's XML.</summary>
    private static List<List<string>> ReadSheet(byte[] xlsx, out List<string> cellTypes, out int formulas)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Descendants(Sheet + "si").Select(si => string.Concat(si.Descendants(Sheet + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        formulas = sheet.Descendants(Sheet + "f").Count();
        var cells = sheet.Descendants(Sheet + "c").ToList();
        cellTypes = cells.Select(c => (string?)c.Attribute("t") ?? "n").ToList();
        return sheet.Descendants(Sheet + "row").Select(row => row.Elements(Sheet + "c").Select(c => (string?)c.Attribute("t") == "s"
            ? shared[int.Parse(c.Element(Sheet + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)]
            : string.Concat(c.Descendants(Sheet + "t").Select(t => t.Value))).ToList()).ToList();
    }
}
