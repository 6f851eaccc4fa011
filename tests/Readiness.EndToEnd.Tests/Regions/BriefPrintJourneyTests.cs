using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.Bench;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Regions;

/// <summary>
/// The visit brief stays one A4 sheet whatever liaisons wrote: long titles and full-length notes are cut, the flag
/// list is capped and says how many more there are, and every due date carries its year.
/// </summary>
[Collection(RegionsApp.Name)]
public sealed class BriefPrintJourneyTests(AppFixture fixture)
{
    private const string Regency = "64.02";

    [Fact]
    public async Task Seven_blocked_items_with_long_titles_and_full_notes_print_on_one_A4_page_with_dated_years()
    {
        var titles = await AddBlockedItemsAsync(count: 7);

        var page = await fixture.SignedInPageAsync("pimpinan");
        await page.GotoAsync($"/wilayah/{Regency}/ringkasan");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tanda bahaya" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // The new items are due first among the high-risk regency's blocked items, so they lead the list.
        await Expect(page.Locator("[data-flag]").First).ToContainTextAsync(titles[0][..40]);

        var pdf = Browser.ArtifactPath("ringkasan-panjang-64.02.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });

        Assert.Equal(1, await PageCountAsync(pdf));
        var text = Collapse(await RunAsync("pdftotext", "-layout", pdf, "-"));
        Assert.Contains("Kabupaten Kutai Kartanegara", text);
        Assert.Contains(titles[0][..40], text);
        // A due date with its year (the regency's items are due in the election's year), e.g. "batas 1 Des 2026".
        Assert.Matches(new Regex(@"batas \d{1,2} \p{L}{3} \d{4}"), text);
        // More flags than the sheet holds: the rest are counted, not dropped in silence.
        Assert.Matches(new Regex(@"dan \d+ lainnya"), text);
        // The page itself says so too, and the printed list is capped.
        Assert.InRange(await page.Locator("[data-flag]").CountAsync(), 1, 6);
    }

    /// <summary>
    /// Adds blocked items to the regency the way a KPU liaison would (an item, then Kendala with a note of the longest
    /// length allowed), straight into the app's database; returns their titles, first due first.
    /// </summary>
    private async Task<IReadOnlyList<string>> AddBlockedItemsAsync(int count)
    {
        await using var db = new BenchDatabase(Path.Combine(fixture.App.DataDirectory, "readiness.db"));
        var today = RegionTimeZone.Wita.Today(TimeProvider.System);
        var election = (await db.Get<ElectionStore>().CurrentAsync(today))!;
        var stage = (await db.Get<ElectionStore>().StagesAsync(election.Id)).MaxBy(s => s.EndDate)!;
        var liaison = BenchDatabase.Liaison("KPU", [Regency], "penghubung.uji");
        var store = db.Get<ChecklistStore>();
        var titles = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var title = $"Butir uji {i + 1}: distribusi logistik pemungutan suara ke seluruh desa pedalaman dan pulau terluar "
                + "di kabupaten ini yang harus menunggu kapal, jalan darat yang rusak, dan cuaca buruk sepanjang pekan ini";
            var item = await store.AddItemAsync(liaison,
                new NewItem(election.Id, Regency, stage.Id, title, today.AddDays(-30 + i), Criticality.Critical), Guid.NewGuid());
            var note = string.Concat(Enumerable.Repeat($"Kendala {i + 1}: kapal belum tiba, genset rusak, jalan putus. ", 40))[..ChecklistStore.MaxNoteLength];
            var saved = await store.ChangeStatusAsync(liaison, new StatusChange(item.Id, item.Version, ItemStatus.Blocked, note, Guid.NewGuid()));
            Assert.IsType<SaveResult.Saved>(saved);
            titles.Add(title);
        }

        return titles;
    }

    private static async Task<int> PageCountAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        return int.Parse(Regex.Match(info, @"^Pages:\s+(\d+)", RegexOptions.Multiline).Groups[1].Value);
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{tool} (poppler-utils) is missing: ./test.sh installs it.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
