namespace Readiness.Data.Checklists;

/// <summary>A photo or document attached to a checklist item as proof, without its bytes.</summary>
public sealed record Evidence
{
    /// <summary>Its id; the file is served under it.</summary>
    public required long Id { get; init; }

    /// <summary>The item it proves.</summary>
    public required long ItemId { get; init; }

    /// <summary><c>image/jpeg</c> or <c>application/pdf</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The name it downloads under.</summary>
    public required string FileName { get; init; }

    /// <summary>The stored size in bytes.</summary>
    public required int SizeBytes { get; init; }

    /// <summary>SHA-256 of the stored bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Width in pixels of a photo; null for a document.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels of a photo; null for a document.</summary>
    public int? Height { get; init; }

    /// <summary>Who added it (user name).</summary>
    public required string UploadedBy { get; init; }

    /// <summary>When it was added (UTC).</summary>
    public required DateTime UploadedAtUtc { get; init; }

    /// <summary>Whether this is a photo (else a PDF document).</summary>
    public bool IsImage => ContentType == EvidenceContent.Jpeg;
}
