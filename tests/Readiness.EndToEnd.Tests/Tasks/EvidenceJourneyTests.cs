using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Tasks;

/// <summary>
/// A liaison on a phone attaches the photo that proves an item; it shows as a thumbnail on the item's page, waits on the
/// phone while the link is down and arrives once when it returns; the file is served only to those who see the region,
/// never as a page of the site.
/// </summary>
[Collection(TasksApp.Name)]
public sealed class EvidenceJourneyTests(AppFixture fixture)
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task A_liaison_adds_a_photo_on_the_item_page_and_its_thumbnail_and_history_line_appear()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        var itemId = await OpenItemAsync(page, 0);
        var evidence = page.GetByRole(AriaRole.Region, new() { Name = "Bukti" });
        await Expect(evidence.GetByRole(AriaRole.Img)).ToHaveCountAsync(0);

        await page.GetByLabel("Tambah foto/dokumen").SetInputFilesAsync(await CameraPhoto.PngAsync(page, "gudang-tersegel.png"));

        var thumbnail = evidence.GetByRole(AriaRole.Img, new() { Name = "Foto bukti gudang-tersegel.jpg" });
        await Expect(thumbnail).ToBeVisibleAsync();
        await Expect(page.GetByText("Bukti foto ditambahkan").First).ToBeVisibleAsync();
        // The thumbnail is a picture the browser could decode, not a refusal.
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await thumbnail.ElementHandleAsync());
        await Expect(page.GetByRole(AriaRole.Article).First.GetByText("1 bukti")).ToBeVisibleAsync();
        Assert.NotNull(itemId);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_photo_chosen_offline_waits_on_the_phone_and_arrives_once_when_the_link_returns()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        await OpenItemAsync(page, 1);
        var photo = await CameraPhoto.PngAsync(page, "tps-berdiri.png");

        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Tambah foto/dokumen").SetInputFilesAsync(photo);
        await Expect(page.Locator("#field-bar")).ToHaveTextAsync("Luring · 1 perubahan menunggu dikirim");
        await page.Context.SetOfflineAsync(false);

        await Expect(page.Locator("#field-bar")).ToHaveTextAsync("Terkirim");
        await page.ReloadAsync();
        var evidence = page.GetByRole(AriaRole.Region, new() { Name = "Bukti" });
        await Expect(evidence.GetByRole(AriaRole.Img, new() { Name = "Foto bukti tps-berdiri.jpg" })).ToHaveCountAsync(1);
        await Expect(page.GetByText("Bukti foto ditambahkan")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_file_goes_only_to_those_who_see_its_region_and_never_as_a_page_of_the_site()
    {
        var page = await fixture.SignedInPageAsync("penghubung.kpu", width: Width, height: Height);
        var itemId = await OpenItemAsync(page, 2);
        var region = Regex.Match(await page.GetByText(new Regex(@"\(\d{2}\.\d{2}[\d.]*\)")).First.InnerTextAsync(), @"\((\d{2}\.\d{2})").Groups[1].Value;
        var token = await page.Locator("meta[name='antiforgery']").GetAttributeAsync("content");
        var photo = await CameraPhoto.PngAsync(page, "segel.png");
        var upload = await page.APIRequest.PostAsync($"/api/butir/{itemId}/bukti", new()
        {
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! },
            Multipart = MultipartOf(page, photo, Guid.NewGuid()),
        });
        Assert.Equal(200, upload.Status);
        var evidenceId = (await upload.JsonAsync())!.Value.GetProperty("id").GetInt64();

        var file = await page.APIRequest.GetAsync($"/api/bukti/{evidenceId}");
        Assert.Equal(200, file.Status);
        Assert.Equal("image/jpeg", file.Headers["content-type"]);
        Assert.Equal("nosniff", file.Headers["x-content-type-options"]);
        Assert.Contains("filename=segel.jpg", file.Headers["content-disposition"]);
        Assert.Contains("sandbox", file.Headers["content-security-policy"]);

        var refusedUpload = await page.APIRequest.PostAsync($"/api/butir/{itemId}/bukti", new()
        {
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! },
            Multipart = MultipartOf(page, new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = "<svg onload=alert(1)>"u8.ToArray() }, Guid.NewGuid()),
        });
        Assert.Equal(400, refusedUpload.Status);
        Assert.Contains("Hanya foto", (await refusedUpload.JsonAsync())!.Value.GetProperty("title").GetString());

        var oversized = await page.APIRequest.PostAsync($"/api/butir/{itemId}/bukti", new()
        {
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! },
            Multipart = MultipartOf(page, new FilePayload { Name = "besar.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n"u8, .. new byte[5 * 1024 * 1024]] }, Guid.NewGuid()),
        });
        Assert.Equal(400, oversized.Status);
        Assert.Contains("terlalu besar", (await oversized.JsonAsync())!.Value.GetProperty("title").GetString());

        var elsewhere = region == "64.02" ? "52.71" : "64.02";
        var outside = await ScreenRequestAsync(await fixture.CreateScreenTokenAsync("Layar bukti luar " + Guid.NewGuid().ToString("N")[..6], elsewhere));
        var inside = await ScreenRequestAsync(await fixture.CreateScreenTokenAsync("Layar bukti dalam " + Guid.NewGuid().ToString("N")[..6], region));
        var refused = await outside.GetAsync($"/api/bukti/{evidenceId}");
        Assert.Contains(refused.Status, new[] { 403, 404 });
        Assert.Equal(403, (await outside.GetAsync($"/api/bukti/{evidenceId}/kecil")).Status);
        Assert.Equal(200, (await inside.GetAsync($"/api/bukti/{evidenceId}/kecil")).Status);
        await outside.DisposeAsync();
        await inside.DisposeAsync();
        await page.Context.CloseAsync();
    }

    private async Task<IAPIRequestContext> ScreenRequestAsync(string url)
    {
        var secret = Uri.UnescapeDataString(new Uri(url).Query.Split("token=")[1]);
        return await fixture.Playwright.APIRequest.NewContextAsync(new()
        {
            BaseURL = fixture.App.BaseUri.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret },
        });
    }

    private static IFormData MultipartOf(IPage page, FilePayload file, Guid operationId)
    {
        var form = page.APIRequest.CreateFormData();
        form.Set("operationId", operationId.ToString());
        form.Set("file", file);
        return form;
    }

    /// <summary>Opens the item page of the liaison's n-th task, once it is live; returns the item's id.</summary>
    private static async Task<string?> OpenItemAsync(IPage page, int index)
    {
        await page.GotoAsync("/tugas");
        var card = page.GetByRole(AriaRole.Article).Nth(index);
        var itemId = await card.GetAttributeAsync("data-item");
        await page.GotoAsync($"/butir/{itemId}");
        await AppFixture.WaitForInteractiveAsync(page);
        return itemId;
    }
}
