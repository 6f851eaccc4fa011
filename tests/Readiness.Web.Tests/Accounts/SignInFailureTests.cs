using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;
using Readiness.Web.Accounts;

namespace Readiness.Web.Tests.Accounts;

/// <summary>
/// Every wrong sign-in answers the same and costs the same, on a real SQLite file with the app's own account services:
/// a password hash runs for an unknown name as for a known one, and a disabled or locked account is told apart only to
/// whoever gives its password.
/// </summary>
public sealed class SignInFailureTests : IAsyncLifetime
{
    private const string Password = "pengawasan tps kukar aman";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-web-tests", Guid.NewGuid().ToString("N"));
    private readonly CountingHasher _hasher = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReadinessData(configuration);
        services.AddReadinessAccounts(configuration);
        services.AddSingleton<IPasswordHasher<AppUser>>(_hasher);
        _services = services.BuildServiceProvider();
        // The run's migrated template, copied (the reference data it holds is not read here).
        await Readiness.Data.Tests.SeededTemplate.MigrateAndSeedAsync(_services.GetRequiredService<ConnectionFactory>(),
            () => _services.GetRequiredService<DatabaseMigrator>().MigrateAsync());
        using var scope = _services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var name in new[] { "aktif", "nonaktif", "terkunci" })
        {
            Assert.True((await users.CreateAsync(new AppUser { UserName = name, DisplayName = name }, Password)).Succeeded);
        }

        var disabled = (await users.FindByNameAsync("nonaktif"))!;
        disabled.IsDisabled = true;
        Assert.True((await users.UpdateAsync(disabled)).Succeeded);
    }

    private async Task<(SignInResult Result, int Hashes)> SignInAsync(string userName, string password)
    {
        using var scope = _services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var before = _hasher.Verifications;
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        return (result, _hasher.Verifications - before);
    }

    [Theory]
    [InlineData("tidak.ada")]
    [InlineData("aktif")]
    [InlineData("nonaktif")]
    public async Task A_wrong_password_fails_alike_and_runs_one_hash_whether_or_not_the_user_exists(string userName)
    {
        var (result, hashes) = await SignInAsync(userName, "kata sandi yang salah");

        Assert.Equal(SignInResult.Failed.ToString(), result.ToString());
        Assert.False(result.IsNotAllowed);
        Assert.False(result.IsLockedOut);
        Assert.Equal(1, hashes);
    }

    [Fact]
    public async Task A_disabled_account_is_told_only_to_whoever_gives_its_password()
    {
        Assert.False((await SignInAsync("nonaktif", "kata sandi yang salah")).Result.IsNotAllowed);

        Assert.True((await SignInAsync("nonaktif", Password)).Result.IsNotAllowed);
    }

    [Fact]
    public async Task A_locked_account_answers_a_wrong_password_like_any_other_and_tells_the_lock_only_with_the_right_one()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await SignInAsync("terkunci", "kata sandi yang salah")).Result.IsLockedOut);
        }

        var wrong = await SignInAsync("terkunci", "kata sandi yang salah");
        Assert.False(wrong.Result.IsLockedOut);
        Assert.Equal(1, wrong.Hashes);

        Assert.True((await SignInAsync("terkunci", Password)).Result.IsLockedOut);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Identity's own hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
