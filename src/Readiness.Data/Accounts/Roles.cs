namespace Readiness.Data.Accounts;

/// <summary>What a signed-in person may do. One role per user.</summary>
public static class Roles
{
    /// <summary>Users, roles, scopes, templates, screen tokens, region risk levels.</summary>
    public const string Admin = "admin";

    /// <summary>Leader (Pj Bupati, Sekda, Desk Pilkada chair): sees regions in scope; sets their risk level.</summary>
    public const string Leader = "pimpinan";

    /// <summary>Liaison officer of one agency: changes that agency's items in scope.</summary>
    public const string Liaison = "penghubung";

    /// <summary>Viewer: sees regions in scope, changes nothing.</summary>
    public const string Viewer = "pemantau";

    /// <summary>A wall screen opened with a screen token: one region, read-only. Never stored as a user's role.</summary>
    public const string Screen = "layar";

    public static readonly IReadOnlyList<string> UserRoles = [Admin, Leader, Liaison, Viewer];

    public static bool IsUserRole(string? role) => role is not null && UserRoles.Contains(role);
}
