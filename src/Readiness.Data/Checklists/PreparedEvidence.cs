namespace Readiness.Data.Checklists;

/// <summary>
/// A file as it will be stored, after <see cref="EvidenceContent.Prepare"/>: a re-encoded JPEG (with its size in pixels
/// and a thumbnail) or a checked PDF.
/// </summary>
/// <param name="ContentType"><c>image/jpeg</c> or <c>application/pdf</c>.</param>
/// <param name="FileName">A safe name to download it under, with the extension of its real type.</param>
/// <param name="Content">The bytes stored and served.</param>
/// <param name="Thumbnail">A small JPEG for lists; null for a PDF.</param>
/// <param name="Width">Width in pixels of an image; null for a PDF.</param>
/// <param name="Height">Height in pixels of an image; null for a PDF.</param>
public sealed record PreparedEvidence(string ContentType, string FileName, byte[] Content, byte[]? Thumbnail, int? Width, int? Height)
{
    /// <summary>Whether this is a photo (else a PDF document).</summary>
    public bool IsImage => ContentType == EvidenceContent.Jpeg;
}
