using System.IO.Compression;
using System.Text;
using Readiness.Data.Shared;
using SkiaSharp;

namespace Readiness.Data.Checklists;

/// <summary>
/// What evidence may be: judged by the bytes, never by the name or the type the browser claims. JPEG, PNG and WebP
/// are decoded and re-encoded as a JPEG of at most <see cref="MaxLongSide"/> pixels and about
/// <see cref="MaxStoredImageBytes"/>, so nothing of the original file survives (no EXIF location, no trailing payload);
/// a PDF is kept as sent unless it holds script or a launch action. Everything else is refused.
/// </summary>
public static class EvidenceContent
{
    /// <summary>The content type of every stored image.</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>The content type of a stored document.</summary>
    public const string Pdf = "application/pdf";

    /// <summary>The largest upload taken: 5 MB.</summary>
    public const int MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>The longest side of a stored image, in pixels.</summary>
    public const int MaxLongSide = 1600;

    /// <summary>The longest side of a thumbnail, in pixels.</summary>
    public const int ThumbnailLongSide = 320;

    /// <summary>About the largest stored image: quality, then size, is lowered until it fits.</summary>
    public const int MaxStoredImageBytes = 500 * 1024;

    /// <summary>
    /// The most pixels decoded: a small file can claim a huge picture (a decompression bomb) and would take the
    /// server's memory; 50 megapixels is more than any phone camera takes.
    /// </summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The longest file name kept.</summary>
    public const int MaxFileNameLength = 120;

    // Inflated PDF streams scanned for script, at most: a small file that inflates past this is refused rather than
    // read without end.
    private const int MaxInflatedBytes = 64 * 1024 * 1024;

    private static readonly string[] ForbiddenPdfNames = ["/JavaScript", "/JS", "/Launch", "/RichMedia", "/XFA", "/EmbeddedFile"];

    // Filters of picture data: nothing in them is read as PDF objects.
    private static readonly string[] ImageFilters = ["/DCTDecode", "/JPXDecode", "/CCITTFaxDecode", "/JBIG2Decode"];

    /// <summary>Checks <paramref name="content"/> and turns it into what is stored.</summary>
    /// <param name="content">The bytes as received.</param>
    /// <param name="fileName">The name the phone gave; only its stem is kept, made safe.</param>
    /// <exception cref="InputException">
    /// <see cref="InputException.EvidenceEmpty"/>, <see cref="InputException.EvidenceTooLarge"/> (argument: the limit in MB),
    /// <see cref="InputException.EvidenceType"/>, <see cref="InputException.EvidenceUnreadable"/>,
    /// <see cref="InputException.EvidenceTooManyPixels"/> or <see cref="InputException.EvidencePdfScript"/>.
    /// </exception>
    public static PreparedEvidence Prepare(ReadOnlySpan<byte> content, string? fileName)
    {
        if (content.Length == 0)
        {
            throw new InputException(InputException.EvidenceEmpty);
        }

        if (content.Length > MaxUploadBytes)
        {
            throw new InputException(InputException.EvidenceTooLarge, MaxUploadBytes / (1024 * 1024));
        }

        if (IsPdf(content))
        {
            RequireNoScript(content);
            return new PreparedEvidence(Pdf, SafeName(fileName, ".pdf"), content.ToArray(), null, null, null);
        }

        if (!IsJpeg(content) && !IsPng(content) && !IsWebP(content))
        {
            throw new InputException(InputException.EvidenceType);
        }

        return ReEncode(content.ToArray(), SafeName(fileName, ".jpg"));
    }

    /// <summary>A name safe in a header and on any disk: the stem without folders or odd characters, with <paramref name="extension"/>.</summary>
    public static string SafeName(string? fileName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        var safe = new StringBuilder();
        foreach (var c in stem.Normalize(NormalizationForm.FormC))
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' ? c : '_');
        }

        var text = safe.ToString().Trim(' ', '.', '_');
        if (text.Length == 0)
        {
            text = "bukti";
        }

        return (text.Length > MaxFileNameLength ? text[..MaxFileNameLength] : text) + extension;
    }

    private static bool IsPdf(ReadOnlySpan<byte> b) => b.StartsWith("%PDF-"u8);

    private static bool IsJpeg(ReadOnlySpan<byte> b) => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    private static bool IsPng(ReadOnlySpan<byte> b) => b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static bool IsWebP(ReadOnlySpan<byte> b) => b.Length > 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8);

    private static PreparedEvidence ReEncode(byte[] content, string fileName)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw new InputException(InputException.EvidenceUnreadable);
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            throw new InputException(InputException.EvidenceType);
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            throw new InputException(InputException.EvidenceTooManyPixels);
        }

        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InputException(InputException.EvidenceUnreadable);
        using var upright = Upright(decoded, codec.EncodedOrigin);

        var (photo, width, height) = EncodeWithin(upright, MaxLongSide, MaxStoredImageBytes);
        var (thumbnail, _, _) = EncodeWithin(upright, ThumbnailLongSide, 40 * 1024);
        return new PreparedEvidence(Jpeg, fileName, photo, thumbnail, width, height);
    }

    // The camera's orientation tag goes with the metadata, so the picture is turned the way the phone showed it.
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        var turned = degrees is 90 or 270;
        var result = new SKBitmap(turned ? source.Height : source.Width, turned ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(result);
        // JPEG has no transparency: a transparent PNG is laid on white, not on black.
        canvas.Clear(SKColors.White);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0, SKSamplingOptions.Default);
        return result;
    }

    private static (byte[] Bytes, int Width, int Height) EncodeWithin(SKBitmap source, int longSide, int maxBytes)
    {
        var side = longSide;
        while (true)
        {
            var scale = Math.Min(1.0, (double)side / Math.Max(source.Width, source.Height));
            var width = Math.Max(1, (int)Math.Round(source.Width * scale));
            var height = Math.Max(1, (int)Math.Round(source.Height * scale));
            using var resized = scale < 1.0
                ? source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
                : source.Copy();
            using var image = SKImage.FromBitmap(resized);
            foreach (var quality in (int[])[82, 72, 62, 52])
            {
                using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, quality);
                if (encoded.Size <= maxBytes || (quality == 52 && side <= 400))
                {
                    return (encoded.ToArray(), width, height);
                }
            }

            side = (int)(side * 0.75);
        }
    }

    // Names in a PDF may be written with #xx escapes (/J#61vaScript is /JavaScript), and whole dictionaries may sit
    // inside compressed object streams, so both the file and every inflatable stream are read with escapes undone.
    private static void RequireNoScript(ReadOnlySpan<byte> content)
    {
        var text = Encoding.Latin1.GetString(content);
        if (HoldsForbiddenName(text))
        {
            throw new InputException(InputException.EvidencePdfScript);
        }

        var inflatedTotal = 0L;
        var at = 0;
        while ((at = text.IndexOf("stream", at, StringComparison.Ordinal)) >= 0)
        {
            var isEnd = at >= 3 && string.CompareOrdinal(text, at - 3, "end", 0, 3) == 0;
            var start = at + "stream".Length;
            at = start;
            if (isEnd)
            {
                continue;
            }

            if (start < text.Length && text[start] == '\r')
            {
                start++;
            }

            if (start >= text.Length || text[start] != '\n')
            {
                continue;
            }

            start++;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            // What a reader decodes, this check must read: a stream is raw (read with the file), Flate alone
            // (inflated and read), or picture data; any other filter or chain (ASCIIHex, ASCII85, LZW, ...) could hide
            // a dictionary, and a Flate stream that does not inflate is not trusted either.
            var dictionary = StreamDictionary(text, at - "stream".Length);
            var filter = FilterOf(dictionary);
            if (filter is null || ImageFilters.Contains(filter))
            {
                at = end;
                continue;
            }

            if (filter != "/FlateDecode")
            {
                throw new InputException(InputException.EvidencePdfScript);
            }

            var inflated = TryInflate(content[start..end], MaxInflatedBytes - inflatedTotal)
                ?? throw new InputException(InputException.EvidencePdfScript);

            inflatedTotal += inflated.Length;
            if (inflatedTotal >= MaxInflatedBytes || HoldsForbiddenName(Encoding.Latin1.GetString(inflated)))
            {
                throw new InputException(InputException.EvidencePdfScript);
            }

            at = end;
        }
    }

    // The dictionary before a stream keyword: from the object's start ("obj") to the keyword, names unescaped.
    private static string StreamDictionary(string text, int keyword)
    {
        var from = text.LastIndexOf(" obj", Math.Max(0, keyword), StringComparison.Ordinal);
        var dictionary = text[(from < 0 ? Math.Max(0, keyword - 2048) : from)..Math.Max(0, keyword)];
        return dictionary.Contains('#') ? UnescapeNames(dictionary) : dictionary;
    }

    // The stream's filter: null for none, the one name of a single filter, "chain" for an array of several.
    private static string? FilterOf(string dictionary)
    {
        var at = dictionary.IndexOf("/Filter", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = dictionary[(at + "/Filter".Length)..].TrimStart();
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']');
            var names = (close < 0 ? rest : rest[1..close]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return names.Length == 1 ? names[0] : "chain";
        }

        var end = 1;
        while (end < rest.Length && IsRegularChar(rest[end]))
        {
            end++;
        }

        return rest.StartsWith('/') ? rest[..end] : "chain";
    }

    private static bool HoldsForbiddenName(string text)
    {
        var unescaped = text.Contains('#') ? UnescapeNames(text) : text;
        foreach (var name in ForbiddenPdfNames)
        {
            var at = 0;
            while ((at = unescaped.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
            {
                var next = at + name.Length;
                // "/JS" must not match "/JSONData": a name ends at whitespace or a delimiter.
                if (next >= unescaped.Length || !IsRegularChar(unescaped[next]))
                {
                    return true;
                }

                at = next;
            }
        }

        return false;
    }

    private static bool IsRegularChar(char c) => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%') && c != '\0';

    private static string UnescapeNames(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                result.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private static byte[]? TryInflate(ReadOnlySpan<byte> stream, long limit)
    {
        try
        {
            using var input = new MemoryStream(stream.ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limit)
                {
                    return output.ToArray();
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null; // not a Flate stream (an image's DCT data, say): nothing to read in it
        }
    }
}
