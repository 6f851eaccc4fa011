using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Web.Components.Pages.Items;

namespace Readiness.Web.Tests.Pages.Items;

public sealed class EvidenceSectionTests : ComponentTest
{
    public EvidenceSectionTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
    }

    private static readonly Evidence Photo = new()
    {
        Id = 7, ItemId = 42, ContentType = EvidenceContent.Jpeg, FileName = "gudang.jpg", SizeBytes = 90_000, Sha256 = new string('a', 64),
        Width = 1600, Height = 1200, UploadedBy = "penghubung.kpu", UploadedAtUtc = new DateTime(2026, 11, 19, 6, 5, 0, DateTimeKind.Utc),
    };

    private static readonly Evidence Decree = Photo with { Id = 8, ContentType = EvidenceContent.Pdf, FileName = "SK Desk.pdf", Width = null, Height = null };

    [Fact]
    public void Photos_show_as_thumbnails_from_the_server_and_documents_by_name_as_downloads()
    {
        var section = Render<EvidenceSection>(p => p.Add(s => s.ItemId, 42).Add(s => s.Items, [Photo, Decree]).Add(s => s.Zone, RegionTimeZone.Wita));

        var image = section.Find("img");
        Assert.Equal("/api/bukti/7/kecil", image.GetAttribute("src"));
        Assert.Equal("Foto bukti gudang.jpg", image.GetAttribute("alt"));
        Assert.Equal(("320", "240"), (image.GetAttribute("width"), image.GetAttribute("height")));
        var document = section.Find("a[download]");
        Assert.Equal("/api/bukti/8", document.GetAttribute("href"));
        Assert.Contains("SK Desk.pdf", document.TextContent);
    }

    [Fact]
    public void Only_who_may_change_the_item_gets_the_camera_control_and_only_an_admin_the_remove_button()
    {
        var reader = Render<EvidenceSection>(p => p.Add(s => s.ItemId, 42).Add(s => s.Items, [Photo]).Add(s => s.Zone, RegionTimeZone.Wita));
        Assert.Empty(reader.FindAll("input[type=file]"));
        Assert.DoesNotContain("Hapus bukti", reader.Markup);

        var liaison = Render<EvidenceSection>(p => p.Add(s => s.ItemId, 42).Add(s => s.Items, []).Add(s => s.Zone, RegionTimeZone.Wita).Add(s => s.CanAdd, true));
        var input = liaison.Find("input[type=file]");
        Assert.Equal("image/*,application/pdf", input.GetAttribute("accept"));
        Assert.Equal("environment", input.GetAttribute("capture"));
        Assert.Equal("42", input.GetAttribute("data-evidence-item"));
        Assert.Contains("Tambah foto/dokumen", liaison.Find("label.evidence-add").TextContent);
        Assert.Contains("Belum ada bukti.", liaison.Markup);

        var admin = Render<EvidenceSection>(p => p.Add(s => s.ItemId, 42).Add(s => s.Items, [Photo]).Add(s => s.Zone, RegionTimeZone.Wita).Add(s => s.CanRemove, true));
        Assert.Contains("Hapus bukti", admin.Markup);
    }
}
