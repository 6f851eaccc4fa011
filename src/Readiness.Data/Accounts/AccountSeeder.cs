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
    /// The demo's officials of the governors' elections (Pilgub) in Nusa Tenggara Barat and Kalimantan Timur: the Pj
    /// Gubernur as leader and a liaison of each agency's province unit (Kesbangpol Provinsi, KPU and Bawaslu Provinsi,
    /// Polda, Korem), each scoped to the province itself: user name, display name, role, agency, province code.
    /// </summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Agency, string Province)> DemoProvinceUsers =
    [
        .. ProvinceUsers("ntb", "52", "NTB"),
        .. ProvinceUsers("kaltim", "64", "Kaltim"),
    ];

    /// <summary>Every demo user name, regencies' and provinces', in the order they are listed to an operator.</summary>
    public static IEnumerable<string> DemoUserNames => DemoUsers.Select(u => u.UserName).Concat(DemoProvinceUsers.Select(u => u.UserName));

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
            ["pimpinan.ntb"] = ("Ahmad Zulkifli", "Pj Gubernur Nusa Tenggara Barat", "0812-3456-0010"),
            ["penghubung.pemda.ntb"] = ("Baiq Nurul Aini", "Kabid Politik Dalam Negeri, Bakesbangpoldagri Provinsi NTB", "0812-3456-0011"),
            ["penghubung.kpu.ntb"] = ("Lalu Ahmad Fauzi", "Kabag Teknis Penyelenggaraan, KPU Provinsi NTB", "0812-3456-0012"),
            ["penghubung.bawaslu.ntb"] = ("Muhammad Zainul Arifin", "Koordinator Divisi Pencegahan, Bawaslu Provinsi NTB", "0812-3456-0013"),
            ["penghubung.polri.ntb"] = ("AKBP Made Wirawan", "Kabag Ops Biro Operasi Polda NTB", "0812-3456-0014"),
            ["penghubung.tni.ntb"] = ("Mayor Inf Sudirman", "Kasi Ops Korem 162/Wira Bhakti", "0812-3456-0015"),
            ["pimpinan.kaltim"] = ("Sri Wahyuni", "Pj Gubernur Kalimantan Timur", "0812-3456-0020"),
            ["penghubung.pemda.kaltim"] = ("Rina Kartika", "Kabid Politik Dalam Negeri, Kesbangpol Provinsi Kaltim", "0812-3456-0021"),
            ["penghubung.kpu.kaltim"] = ("Abdul Rahman Hakim", "Kabag Teknis Penyelenggaraan, KPU Provinsi Kaltim", "0812-3456-0022"),
            ["penghubung.bawaslu.kaltim"] = ("Yuliana Sari", "Koordinator Divisi Pencegahan, Bawaslu Provinsi Kaltim", "0812-3456-0023"),
            ["penghubung.polri.kaltim"] = ("AKBP Hendra Gunawan", "Kabag Ops Biro Operasi Polda Kaltim", "0812-3456-0024"),
            ["penghubung.tni.kaltim"] = ("Mayor Inf Bambang Setiawan", "Kasi Ops Korem 091/Aji Surya Natakesuma", "0812-3456-0025"),
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
    /// Creates the missing demo users with <paramref name="password"/>: the regencies' users each scoped to
    /// <paramref name="regions"/> (the regency codes the demo data covers), the provinces' users
    /// (<see cref="DemoProvinceUsers"/>) each to their own province. Returns how many were created.
    /// </summary>
    public async Task<int> EnsureDemoUsersAsync(string password, IReadOnlyList<string> regions)
    {
        var created = 0;
        var everyone = DemoUsers.Select(u => (u.UserName, u.DisplayName, u.Role, u.Agency, Scopes: regions))
            .Concat(DemoProvinceUsers.Select(u => (u.UserName, u.DisplayName, u.Role, u.Agency, Scopes: (IReadOnlyList<string>)[u.Province])));
        foreach (var (userName, displayName, role, agency, scopes) in everyone)
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
                Scopes = [.. scopes],
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

    private static IEnumerable<(string, string, string, string?, string)> ProvinceUsers(string suffix, string province, string shortName) =>
    [
        ("pimpinan." + suffix, $"Pj Gubernur {shortName} (demo)", Roles.Leader, null, province),
        .. Agency.All.Select(a => ("penghubung." + a.Code.ToLowerInvariant() + "." + suffix,
            $"Perwira penghubung {a.ShortName} Provinsi {shortName} (demo)", Roles.Liaison, (string?)a.Code, province)),
    ];

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
