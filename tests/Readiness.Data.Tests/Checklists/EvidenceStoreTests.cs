using System.IO.Compression;
using System.Text;
using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using SkiaSharp;

namespace Readiness.Data.Tests.Checklists;

public sealed class EvidenceStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private EvidenceStore Evidence => _db.Get<EvidenceStore>();

    [Fact]
    public async Task A_photo_is_stored_as_a_small_jpeg_without_its_exif_location_and_the_history_says_it_was_added()
    {
        var item = await AnyItemAsync();
        var photo = WithExifGps(Jpeg(3000, 2000));
        Assert.True(Contains(photo, "Exif\0\0"u8.ToArray()), "the test photo carries EXIF");

        var stored = await Evidence.AddAsync(LiaisonFor(item), item.Id, "C:\\DCIM\\gudang segel.jpeg", photo, Guid.NewGuid());

        Assert.NotNull(stored);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal("gudang segel.jpg", stored.FileName);
        Assert.Equal((1600, 1067), (stored.Width!.Value, stored.Height!.Value));
        var file = await Evidence.ReadAsync(TestDatabase.Admin, stored.Id, thumbnail: false);
        Assert.NotNull(file);
        Assert.True(file.Content.Length <= EvidenceContent.MaxStoredImageBytes, $"{file.Content.Length} bytes stored");
        Assert.False(Contains(file.Content, "Exif\0\0"u8.ToArray()), "the stored photo still carries EXIF (the location would leak)");
        Assert.False(Contains(file.Content, GpsMarker), "the stored photo still carries the GPS block");
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content)));
        using (var decoded = SKBitmap.Decode(file.Content))
        {
            Assert.Equal(1600, decoded.Width);
        }

        var thumbnail = await Evidence.ReadAsync(TestDatabase.Admin, stored.Id, thumbnail: true);
        Assert.NotNull(thumbnail);
        using (var small = SKBitmap.Decode(thumbnail.Content))
        {
            Assert.Equal(EvidenceContent.ThumbnailLongSide, small.Width);
        }

        var history = await _db.Checklists.HistoryAsync(TestDatabase.Admin, item.Id);
        var added = history.First();
        Assert.Equal(EvidenceStore.AddedPhoto, added.Evidence);
        Assert.Equal(item.Status, added.StatusAfter);
        Assert.Equal(item.Version, (await _db.Checklists.FindAsync(item.Id))!.Version); // a status tap made meanwhile is no conflict
    }

    [Fact]
    public async Task A_replayed_upload_stores_once()
    {
        var item = await AnyItemAsync();
        var operation = Guid.NewGuid();

        var first = await Evidence.AddAsync(LiaisonFor(item), item.Id, "tps.png", Png(400, 300), operation);
        var second = await Evidence.AddAsync(LiaisonFor(item), item.Id, "tps.png", Png(400, 300), operation);

        Assert.Equal(first!.Id, second!.Id);
        Assert.Single(await Evidence.ListAsync(TestDatabase.Admin, item.Id));
        Assert.Equal(1, await EvidenceEventsAsync(item.Id));
    }

    [Fact]
    public async Task The_same_upload_racing_from_several_tabs_stores_once_and_each_gets_the_stored_one()
    {
        var item = await AnyItemAsync();
        var operation = Guid.NewGuid();
        var photo = Png(400, 300);

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Evidence.AddAsync(LiaisonFor(item), item.Id, "tps.png", photo, operation))));

        Assert.Single(all.Select(e => e!.Id).Distinct());
        Assert.Single(await Evidence.ListAsync(TestDatabase.Admin, item.Id));
        Assert.Equal(1, await EvidenceEventsAsync(item.Id));
    }

    [Fact]
    public async Task A_duplicate_operation_id_is_told_apart_from_other_failures_as_the_store_reports_it()
    {
        var item = await AnyItemAsync();
        var stored = await Evidence.AddAsync(LiaisonFor(item), item.Id, "tps.png", Png(40, 30), Guid.NewGuid());
        await using var connection = await _db.Factory.OpenAsync();
        var operation = await connection.ExecuteScalarAsync<string>("SELECT OperationId FROM ItemEvidence WHERE Id = @Id;", new { stored!.Id });

        var duplicate = await Record.ExceptionAsync(() => connection.ExecuteAsync("""
            INSERT INTO ItemEvidence (ItemId, OperationId, ContentType, FileName, SizeBytes, Sha256, Content, UploadedBy, UploadedAtUtc)
            SELECT ItemId, OperationId, ContentType, FileName, SizeBytes, Sha256, Content, UploadedBy, UploadedAtUtc FROM ItemEvidence WHERE OperationId = @operation;
            """, new { operation }));
        var other = await Record.ExceptionAsync(() => connection.ExecuteAsync("INSERT INTO ItemEvidence (ItemId) VALUES (1);"));

        Assert.True(_db.Factory.Dialect.IsUniqueViolation(duplicate!), duplicate?.Message);
        Assert.False(_db.Factory.Dialect.IsUniqueViolation(other!), other?.Message);
    }

    [Fact]
    public async Task A_clean_pdf_is_kept_as_sent_under_a_pdf_name()
    {
        var item = await AnyItemAsync();
        var pdf = Pdf("/Type /Catalog /Pages 2 0 R");

        var stored = await Evidence.AddAsync(LiaisonFor(item), item.Id, "SK Desk Pilkada.PDF", pdf, Guid.NewGuid());

        Assert.Equal("application/pdf", stored!.ContentType);
        Assert.Equal("SK Desk Pilkada.pdf", stored.FileName);
        Assert.Equal(pdf, (await Evidence.ReadAsync(TestDatabase.Admin, stored.Id, thumbnail: false))!.Content);
        Assert.Null(await Evidence.ReadAsync(TestDatabase.Admin, stored.Id, thumbnail: true));
        Assert.Equal(EvidenceStore.AddedDocument, (await _db.Checklists.HistoryAsync(TestDatabase.Admin, item.Id)).First().Evidence);
    }

    public static TheoryData<string, string, byte[]> Refused => new()
    {
        { "a renamed program", InputException.EvidenceType, [.. "MZ"u8, .. new byte[4000]] },
        { "an SVG", InputException.EvidenceType, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray() },
        { "an HTML page", InputException.EvidenceType, "<!DOCTYPE html><html><body><script>fetch('/')</script></body></html>"u8.ToArray() },
        { "a file over 5 MB", InputException.EvidenceTooLarge, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[EvidenceContent.MaxUploadBytes]] },
        { "an empty file", InputException.EvidenceEmpty, [] },
        { "a broken PNG", InputException.EvidenceUnreadable, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]] },
        { "a PDF with JavaScript", InputException.EvidencePdfScript, Pdf("/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>") },
        { "a PDF with a launch action", InputException.EvidencePdfScript, Pdf("/Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >>") },
        { "a PDF hiding /JS by a name escape", InputException.EvidencePdfScript, Pdf("/Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (x) >>") },
        { "a PDF hiding script in a compressed object stream", InputException.EvidencePdfScript, PdfWithCompressed("<< /S /JavaScript /JS (app.alert(1)) >>") },
        { "a PDF hiding a launch in a hex-encoded object stream", InputException.EvidencePdfScript, PdfWithStream("/ASCIIHexDecode",
            Encoding.Latin1.GetBytes(Convert.ToHexString(Encoding.Latin1.GetBytes("<< /OpenAction << /S /Launch /F (cmd.exe) >> >>")) + ">")) },
        { "a PDF whose Flate stream does not inflate", InputException.EvidencePdfScript, PdfWithStream("/FlateDecode", [0x78, 0x9C, 0xFF, 0xFF, 0x00, 0x13]) },
        { "a PDF with an embedded file", InputException.EvidencePdfScript, Pdf("/Type /Catalog /Names << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /EF << /F 3 0 R >> >>] >> >> /X /EmbeddedFile") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_file_is_named_and_nothing_is_stored(string what, string key, byte[] content)
    {
        var item = await AnyItemAsync();

        var refusal = await Assert.ThrowsAsync<InputException>(() =>
            Evidence.AddAsync(LiaisonFor(item), item.Id, "bukti.jpg", content, Guid.NewGuid()));

        Assert.True(refusal.Key == key, $"{what}: refused with {refusal.Key}, expected {key}");
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ItemEvidence;"));
        Assert.Equal(0, await EvidenceEventsAsync(item.Id));
    }

    [Fact]
    public async Task A_picture_claiming_more_pixels_than_a_camera_takes_is_refused_before_it_is_decoded()
    {
        var item = await AnyItemAsync();
        var png = Png(10, 10);
        // The IHDR width and height (big-endian, after the 8-byte signature, length and "IHDR"): 20000 x 20000.
        BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(20000)).CopyTo(png, 16);
        BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(20000)).CopyTo(png, 20);

        var refusal = await Assert.ThrowsAsync<InputException>(() => Evidence.AddAsync(LiaisonFor(item), item.Id, "x.png", png, Guid.NewGuid()));

        Assert.Contains(refusal.Key, new[] { InputException.EvidenceTooManyPixels, InputException.EvidenceUnreadable });
        Assert.Empty(await Evidence.ListAsync(TestDatabase.Admin, item.Id));
    }

    [Fact]
    public async Task Only_the_liaison_of_the_items_agency_in_scope_adds_and_only_those_who_see_the_region_read()
    {
        var item = await AnyItemAsync();
        var otherAgency = item.AgencyCode == "KPU" ? "POLRI" : "KPU";
        var leader = new Actor { Name = "pimpinan", Role = Roles.Leader, Scopes = ["17.71"] };
        var elsewhere = new Actor { Name = "pimpinan.lain", Role = Roles.Leader, Scopes = ["17.01"] };

        await Assert.ThrowsAsync<AccessDeniedException>(() => Evidence.AddAsync(TestDatabase.Liaison(otherAgency, "17.71"), item.Id, "a.png", Png(50, 50), Guid.NewGuid()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Evidence.AddAsync(TestDatabase.Liaison(item.AgencyCode, "17.01"), item.Id, "a.png", Png(50, 50), Guid.NewGuid()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Evidence.AddAsync(leader, item.Id, "a.png", Png(50, 50), Guid.NewGuid()));
        var stored = await Evidence.AddAsync(LiaisonFor(item), item.Id, "a.png", Png(50, 50), Guid.NewGuid());

        Assert.NotNull(await Evidence.ReadAsync(leader, stored!.Id, thumbnail: false));
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Evidence.ReadAsync(elsewhere, stored.Id, thumbnail: false));
        Assert.Equal(AccessDeniedException.OutOfScope, denied.Reason);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Evidence.ListAsync(elsewhere, item.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Evidence.CountUnderAsync(elsewhere, item.ElectionId, "17.71"));
        Assert.Equal(1, await Evidence.CountUnderAsync(leader, item.ElectionId, "17.71"));
    }

    [Fact]
    public async Task An_admin_removes_evidence_which_is_then_no_longer_served_and_the_removal_is_an_event()
    {
        var item = await AnyItemAsync();
        var stored = await Evidence.AddAsync(LiaisonFor(item), item.Id, "a.png", Png(50, 50), Guid.NewGuid());

        await Assert.ThrowsAsync<AccessDeniedException>(() => Evidence.RemoveAsync(LiaisonFor(item), stored!.Id));
        Assert.True(await Evidence.RemoveAsync(TestDatabase.Admin, stored!.Id));
        Assert.False(await Evidence.RemoveAsync(TestDatabase.Admin, stored.Id));

        Assert.Null(await Evidence.ReadAsync(TestDatabase.Admin, stored.Id, thumbnail: false));
        Assert.Empty(await Evidence.ListAsync(TestDatabase.Admin, item.Id));
        Assert.Empty(await Evidence.CountsAsync([item.Id]));
        var history = await _db.Checklists.HistoryAsync(TestDatabase.Admin, item.Id);
        Assert.Equal([EvidenceStore.Removed, EvidenceStore.AddedPhoto], history.Where(e => e.Evidence is not null).Select(e => e.Evidence!).ToArray());
        Assert.Equal("admin", history.First().Actor);
    }

    [Fact]
    public async Task Evidence_events_reach_the_live_feed_but_are_not_listed_as_status_changes_on_walls_and_briefs()
    {
        var item = await AnyItemAsync();
        long lastSeq;
        await using (var connection = await _db.Factory.OpenAsync())
        {
            lastSeq = await connection.ExecuteScalarAsync<long>("SELECT MAX(Seq) FROM ItemEvents;");
        }

        await Evidence.AddAsync(LiaisonFor(item), item.Id, "a.png", Png(50, 50), Guid.NewGuid());
        var feed = _db.Get<Readiness.Data.Feed.FeedStore>();

        var read = await feed.ReadAsync(lastSeq, default);
        var recent = await feed.RecentAsync(TestDatabase.Admin, "17.71", 50);

        Assert.Contains(read, e => e.ItemId == item.Id && e.Evidence == EvidenceStore.AddedPhoto);
        Assert.DoesNotContain(recent, e => e.Evidence is not null);
    }

    private static readonly byte[] GpsMarker = "GPSMARK-0.5302S-117.15E"u8.ToArray();

    private static Readiness.Data.Accounts.Actor LiaisonFor(ChecklistItem item) => TestDatabase.Liaison(item.AgencyCode, "17.71");

    private async Task<ChecklistItem> AnyItemAsync()
    {
        await _db.ReadyAsync();
        var election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");
        await using var connection = await _db.Factory.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM ChecklistItems WHERE RegionCode = '17.71';");
        return (await _db.Checklists.FindAsync(id))!;
    }

    private async Task<long> EvidenceEventsAsync(long itemId)
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ItemEvents WHERE ItemId = @itemId AND Evidence IS NOT NULL;", new { itemId });
    }

    private static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            // Noise-like stripes, so the JPEG is not trivially small.
            for (var x = 0; x < width; x += 7)
            {
                using var paint = new SKPaint { Color = new SKColor((byte)(x * 13), (byte)(x * 7), (byte)(x * 3)) };
                canvas.DrawRect(x, 0, 7, height, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 95).ToArray();
    }

    // An APP1 Exif segment right after the JPEG's start marker: a TIFF header whose IFD0 points to a GPS IFD, and the
    // marker text inside it, as a phone camera writes the place a photo was taken.
    private static byte[] WithExifGps(byte[] jpeg)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(BitConverter.GetBytes(8));
        tiff.AddRange(BitConverter.GetBytes((short)1)); // IFD0: one entry
        tiff.AddRange(BitConverter.GetBytes((ushort)0x8825)); // GPSInfo
        tiff.AddRange(BitConverter.GetBytes((short)4)); // LONG
        tiff.AddRange(BitConverter.GetBytes(1));
        tiff.AddRange(BitConverter.GetBytes(26)); // GPS IFD offset
        tiff.AddRange(BitConverter.GetBytes(0)); // no next IFD
        tiff.AddRange(BitConverter.GetBytes((short)1)); // GPS IFD: one entry
        tiff.AddRange(BitConverter.GetBytes((short)0x001B)); // GPSProcessingMethod
        tiff.AddRange(BitConverter.GetBytes((short)7)); // UNDEFINED
        tiff.AddRange(BitConverter.GetBytes(GpsMarker.Length));
        tiff.AddRange(BitConverter.GetBytes(44));
        tiff.AddRange(BitConverter.GetBytes(0));
        tiff.AddRange(GpsMarker);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg.AsSpan(2)];
    }

    private static byte[] Pdf(string catalog) => Encoding.Latin1.GetBytes(
        $"%PDF-1.4\n1 0 obj\n<< {catalog} >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static byte[] PdfWithCompressed(string hidden)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes(hidden));
        }

        var head = Encoding.Latin1.GetBytes($"%PDF-1.5\n3 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length {buffer.Length} >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. buffer.ToArray(), .. tail];
    }

    private static byte[] PdfWithStream(string filter, byte[] data)
    {
        var head = Encoding.Latin1.GetBytes($"%PDF-1.5\n3 0 obj\n<< /Type /ObjStm /Filter {filter} /Length {data.Length} >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. data, .. tail];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public void Dispose() => _db.Dispose();
}
