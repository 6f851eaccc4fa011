using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;

namespace Readiness.Data.Tests.Accounts;

public sealed class UserStoreTests : IDisposable
{
    private const string Password = "kotak suara tiba pagi";
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Created_user_is_found_by_name_and_id_with_scopes_and_only_a_password_hash()
    {
        await _db.ReadyAsync();
        using var scope = _db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var result = await users.CreateAsync(
            new AppUser { UserName = "penghubung.kpu", DisplayName = "LO KPU", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = ["64.02", "52.71"] },
            Password);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        var byName = await users.FindByNameAsync("PENGHUBUNG.KPU");
        Assert.NotNull(byName);
        Assert.Equal(["52.71", "64.02"], byName.Scopes);
        Assert.Equal("KPU", byName.AgencyCode);
        Assert.Equal(byName.Id, (await users.FindByIdAsync(byName.Id.ToString()))!.Id);
        await using var connection = await _db.Factory.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<string>("SELECT PasswordHash FROM Users WHERE UserName = 'penghubung.kpu';");
        Assert.DoesNotContain(Password, stored);
    }

    [Fact]
    public async Task Password_check_accepts_the_right_password_only()
    {
        var (users, user) = await CreateUserAsync();

        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.False(await users.CheckPasswordAsync(user, "kata sandi yang salah"));
    }

    [Fact]
    public async Task Failed_attempts_are_counted_and_the_fifth_locks_the_account_for_15_minutes()
    {
        var (users, user) = await CreateUserAsync();

        for (var i = 0; i < 4; i++)
        {
            await users.AccessFailedAsync(user);
        }

        var reloaded = (await users.FindByIdAsync(user.Id.ToString()))!;
        Assert.Equal(4, reloaded.AccessFailedCount);
        Assert.False(await users.IsLockedOutAsync(reloaded));

        await users.AccessFailedAsync(reloaded);

        reloaded = (await users.FindByIdAsync(user.Id.ToString()))!;
        Assert.True(await users.IsLockedOutAsync(reloaded));
        // Identity reads the system clock for lockouts, not the injected one.
        var remaining = reloaded.LockoutEndUtc!.Value - DateTime.UtcNow;
        Assert.InRange(remaining, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Security_stamp_changes_when_asked_and_is_stored()
    {
        var (users, user) = await CreateUserAsync();
        var before = user.SecurityStamp;

        await users.UpdateSecurityStampAsync(user);

        var reloaded = (await users.FindByIdAsync(user.Id.ToString()))!;
        Assert.NotEqual(before, reloaded.SecurityStamp);
        Assert.Equal(user.SecurityStamp, reloaded.SecurityStamp);
    }

    [Fact]
    public async Task Short_password_is_refused_and_a_long_plain_passphrase_is_accepted()
    {
        await _db.ReadyAsync();
        using var scope = _db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var tooShort = await users.CreateAsync(new AppUser { UserName = "pendek", DisplayName = "x", Role = Roles.Admin }, "Ab1!xyz");
        var passphrase = await users.CreateAsync(new AppUser { UserName = "panjang", DisplayName = "x", Role = Roles.Admin }, "rapat koordinasi desk pilkada");

        Assert.Contains(tooShort.Errors, e => e.Code == "PasswordTooShort");
        Assert.True(passphrase.Succeeded);
    }

    [Fact]
    public async Task Stale_update_is_refused_as_a_concurrency_failure()
    {
        var (users, user) = await CreateUserAsync();
        var copy = (await users.FindByIdAsync(user.Id.ToString()))!;
        await users.UpdateSecurityStampAsync(user);

        copy.DisplayName = "Nama lain";
        var result = await users.UpdateAsync(copy);

        Assert.Contains(result.Errors, e => e.Code == "ConcurrencyFailure");
    }

    private async Task<(UserManager<AppUser>, AppUser)> CreateUserAsync()
    {
        await _db.ReadyAsync();
        var scope = _db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "pemantau", DisplayName = "Pemantau", Role = Roles.Viewer, Scopes = ["64.02"] };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded);
        return (users, user);
    }

    public void Dispose() => _db.Dispose();
}
