using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Readiness.Data.Agencies;

namespace Readiness.Data.Accounts;

/// <summary>The first admin on a fresh installation, and in demo mode one user per role and per agency.</summary>
public sealed class AccountSeeder(UserManager<AppUser> users, UserStore store, ContactStore contacts)
{
    public const string AdminUserName = "admin";

    /// <summary>The demo users: user name, display name, role, agency.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Agency)> DemoUsers =
    [
        ("pimpinan", "Pj Bupati (demo)", Roles.Leader, null),
        ("pemantau", "Pemantau Desk Pilkada (demo)", Roles.Viewer, null),
        .. Agency.All.Select(a => ("penghubung." + a.Code.ToLowerInvariant(), $"Perwira penghubung {a.ShortName} (demo)", Roles.Liaison, (string?)a.Code)),
    ];

    /// <summary>
    /// Who the demo liaisons are, as a leader would call them: full name, position and a made-up mobile number (the
    /// 0812-3456-00xx range is the demo's own; it reaches nobody real).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string FullName, string Position, string Phone)> DemoProfiles =
        new Dictionary<string, (string, string, string)>
        {
            ["penghubung.pemda"] = ("Rahmat Hidayat", "Kabid Politik Dalam Negeri, Kesbangpol", "0812-3456-0001"),
            ["penghubung.kpu"] = ("Siti Rahmawati", "Kasubbag Teknis Penyelenggaraan", "0812-3456-0002"),
            ["penghubung.bawaslu"] = ("Dedi Kurniawan", "Koordinator Divisi Pencegahan", "0812-3456-0003"),
            ["penghubung.polri"] = ("Bripka Andi Saputra", "Bintara Bagian Operasional", "0812-3456-0004"),
            ["penghubung.tni"] = ("Serka Yusuf Pratama", "Bintara Staf Teritorial", "0812-3456-0005"),
        };

    /// <summary>
    /// Creates <c>admin</c> with a random password when no admin exists; returns that password (to be shown once,
    /// it is stored only as a hash), or null when an admin exists.
    /// </summary>
    public async Task<string?> EnsureAdminAsync()
    {
        if (await store.AnyAdminAsync())
        {
            return null;
        }

        var password = RandomPassword();
        var admin = new AppUser { UserName = AdminUserName, DisplayName = "Administrator", Role = Roles.Admin };
        Require(await users.CreateAsync(admin, password));
        return password;
    }

    /// <summary>
    /// Creates the missing demo users with <paramref name="password"/>, each scoped to <paramref name="regions"/> (the
    /// region codes the demo data covers). Returns how many were created.
    /// </summary>
    public async Task<int> EnsureDemoUsersAsync(string password, IReadOnlyList<string> regions)
    {
        var created = 0;
        foreach (var (userName, displayName, role, agency) in DemoUsers)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = userName,
                DisplayName = displayName,
                Role = role,
                AgencyCode = agency,
                Scopes = [.. regions],
            };
            Require(await users.CreateAsync(user, password));
            if (DemoProfiles.TryGetValue(userName, out var profile))
            {
                await contacts.SeedProfileAsync(userName, profile.FullName, profile.Position, profile.Phone);
            }

            created++;
        }

        return created;
    }

    private static string RandomPassword()
    {
        // 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): easy to copy from a console.
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
