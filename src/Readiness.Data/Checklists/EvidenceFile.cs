namespace Readiness.Data.Checklists;

/// <summary>The bytes of a piece of evidence (or of its thumbnail), with the type and name to serve them under.</summary>
/// <param name="ContentType"><c>image/jpeg</c> or <c>application/pdf</c>.</param>
/// <param name="FileName">The name it downloads under.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Sha256">SHA-256 of the full file, lower-case hex (an ETag).</param>
public sealed record EvidenceFile(string ContentType, string FileName, byte[] Content, string Sha256);
