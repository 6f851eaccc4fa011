using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Administration;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Accounts;

/// <summary>
/// A user's scopes or password pasted at page length (past the form's maxlength, by a script) is refused with the
/// field's limit, before any lookup and without echoing the text back; nothing is written.
/// </summary>
public sealed class UserInputLimitTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync() => await _db.ReadyAsync();

    [Fact]
    public async Task Forty_kilobytes_of_scopes_or_a_page_long_password_are_refused_as_too_long()
    {
        using var scope = _db.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var pasted = Enumerable.Repeat("64.02.06 Tenggarong", 2100).ToList();

        var scopes = await Assert.ThrowsAsync<InputException>(() => admin.CreateAsync(TestDatabase.Admin, "pemantau.baru", "Pemantau baru",
            "kata sandi yang panjang", new UserAdministration.UserAccess(Roles.Viewer, null, pasted)));
        var password = await Assert.ThrowsAsync<InputException>(() => admin.CreateAsync(TestDatabase.Admin, "pemantau.baru", "Pemantau baru",
            new string('k', 40_000), new UserAdministration.UserAccess(Roles.Viewer, null, ["64.02"])));

        Assert.Equal((InputException.TooLong, TextLimits.RegionCodeList), (scopes.Key, (int)scopes.Arguments.Single()));
        Assert.Equal((InputException.TooLong, UserAdministration.MaxPasswordLength), (password.Key, (int)password.Arguments.Single()));
        Assert.DoesNotContain(await admin.ListAsync(TestDatabase.Admin), u => u.UserName == "pemantau.baru");
        var created = await admin.CreateAsync(TestDatabase.Admin, "pemantau.baru", "Pemantau baru", "kata sandi yang panjang",
            new UserAdministration.UserAccess(Roles.Viewer, null, ["64.02"]));
        Assert.Equal(["64.02"], created.Scopes);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
