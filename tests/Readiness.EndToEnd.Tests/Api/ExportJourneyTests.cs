using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Readiness.EndToEnd.Tests.Hosting;

namespace Readiness.EndToEnd.Tests.Api;

/// <summary>The exports a leader takes to a meeting: named in the region's own time, in CSV and in xlsx, within the role's limits.</summary>
[Collection(ApiApp.Name)]
public sealed class ExportJourneyTests(AppFixture fixture)
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Exports_are_named_in_the_regions_local_time_with_its_zone(string format)
    {
        var page = await fixture.SignedInPageAsync("pimpinan");

        var response = await page.APIRequest.GetAsync($"/wilayah/64.02/ekspor.{format}");

        Assert.Equal(200, response.Status);
        Assert.Matches($@"filename=kesiapan-64\.02-\d{{8}}-\d{{4}}-WITA\.{format}", response.Headers["content-disposition"]);
    }

    [Fact]
    public async Task The_xlsx_has_the_csv_columns_and_a_liaison_gets_only_their_agency()
    {
        var leader = await fixture.SignedInPageAsync("pimpinan");
        var all = Rows(await (await leader.APIRequest.GetAsync("/wilayah/64.02/ekspor.xlsx")).BodyAsync());
        var csvHeader = (await (await leader.APIRequest.GetAsync("/wilayah/64.02/ekspor.csv")).TextAsync()).TrimStart('\uFEFF').Split("\r\n")[0];

        var liaison = await fixture.SignedInPageAsync("penghubung.kpu");
        var kpu = Rows(await (await liaison.APIRequest.GetAsync("/wilayah/64.02/ekspor.xlsx")).BodyAsync());

        Assert.Equal(csvHeader, string.Join(",", all[0]));
        Assert.Contains(all.Skip(1), r => r[2] != "KPU");
        Assert.NotEmpty(kpu.Skip(1));
        Assert.All(kpu.Skip(1), r => Assert.Equal("KPU", r[2]));
        Assert.Equal(all.Skip(1).Count(r => r[2] == "KPU"), kpu.Count - 1);
        Assert.All(kpu.Skip(1), r => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WITA$", r[10]));

        var viewer = await fixture.SignedInPageAsync("pemantau");
        Assert.Equal(403, (await viewer.APIRequest.GetAsync("/wilayah/64.02/ekspor.xlsx")).Status);
    }

    private static List<string[]> Rows(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Empty(sheet.Descendants(Sheet + "f"));
        return sheet.Descendants(Sheet + "row")
            .Select(row => row.Elements(Sheet + "c").Select(c => string.Concat(c.Descendants(Sheet + "t").Select(t => t.Value))).ToArray())
            .ToList();
    }
}
