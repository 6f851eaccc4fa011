namespace Readiness.Data.Accounts;

/// <summary>A wall screen's read-only access to one region. Only the secret's hash is kept.</summary>
public sealed record ScreenToken
{
    public required int Id { get; init; }

    public required string Name { get; init; }

    public required string RegionCode { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime? RevokedAtUtc { get; init; }

    public string? RevokedBy { get; init; }

    public bool IsActive => RevokedAtUtc is null;
}
