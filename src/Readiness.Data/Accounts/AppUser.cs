namespace Readiness.Data.Accounts;

/// <summary>A person who signs in. Kept by <see cref="UserStore"/>; the password is only ever stored as a hash.</summary>
public sealed class AppUser
{
    public int Id { get; set; }

    public string UserName { get; set; } = "";

    public string NormalizedUserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = Roles.Viewer;

    public string? AgencyCode { get; set; }

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsDisabled { get; set; }

    public bool LockoutEnabled { get; set; } = true;

    public DateTime? LockoutEndUtc { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Region codes the user may see (and act on, as the role allows). Loaded with the user.</summary>
    public List<string> Scopes { get; set; } = [];
}
