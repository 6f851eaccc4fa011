using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Data.Administration;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Accounts;

/// <summary>
/// An admin disabled (or demoted) by another is refused at the next admin action, even though their open page still
/// holds the admin's claims until its next re-check: the stores look the acting admin up in the database.
/// </summary>
public sealed class ActingAdminTests : IAsyncLifetime
{
    private const string AuthenticationType = "Identity.Application";
    private readonly TestDatabase _db = new();
    private Actor _first = null!;
    private Actor _second = null!;

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _first = await NewAdminAsync("admin.satu");
        _second = await NewAdminAsync("admin.dua");
    }

    [Fact]
    public async Task A_disabled_admin_is_refused_at_the_next_action_of_every_admin_store()
    {
        // Enabled, the second admin acts.
        var (token, _) = await _db.ScreenTokens.CreateAsync(_second, "Posko Kukar", "64.02");
        var rules = await _db.Get<EscalationRuleStore>().ListAsync(_second);

        using (var scope = _db.Scope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await admin.SetDisabledAsync(_first, _second.UserId!.Value, disabled: true);
        }

        // The same actor (claims unchanged, as an open page holds them) is refused now.
        await AssertAdminOnlyAsync(() => _db.ScreenTokens.CreateAsync(_second, "Posko lain", "64.02"));
        await AssertAdminOnlyAsync(() => _db.ScreenTokens.RevokeAsync(_second, token.Id));
        await AssertAdminOnlyAsync(() => _db.ScreenTokens.ListAsync(_second));
        await AssertAdminOnlyAsync(() => _db.Get<EscalationRuleStore>().UpdateAsync(_second, rules[0]));
        await AssertAdminOnlyAsync(() => _db.Get<NotificationStore>().SetEmailAsync(_second, _first.UserId!.Value, "lain@example.go.id"));
        await AssertAdminOnlyAsync(() => _db.Get<NotificationStore>().RecipientsAsync(_second));
        await AssertAdminOnlyAsync(() => _db.Get<ContactStore>().SetAgencyUnitAsync(_second, "POLRI", "64.02", "Polres lain"));
        await AssertAdminOnlyAsync(() => _db.Checklists.ApplyTemplatesAsync(_second, 1, "64.02"));
        using (var scope = _db.Scope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await AssertAdminOnlyAsync(() => admin.ListAsync(_second));
            await AssertAdminOnlyAsync(() => admin.SetDisabledAsync(_second, _first.UserId!.Value, disabled: true));
        }

        // Nothing the refused admin tried was done; the first admin still acts.
        Assert.Null((await _db.ScreenTokens.ListAsync(_first)).Single(t => t.Id == token.Id).RevokedAtUtc);
        Assert.DoesNotContain(await _db.ScreenTokens.ListAsync(_first), t => t.Name == "Posko lain");
    }

    [Fact]
    public async Task An_admin_demoted_to_viewer_is_refused_at_the_next_action()
    {
        using (var scope = _db.Scope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await admin.SetAccessAsync(_first, _second.UserId!.Value, new UserAdministration.UserAccess(Roles.Viewer, null, ["64.02"]));
        }

        await AssertAdminOnlyAsync(() => _db.ScreenTokens.CreateAsync(_second, "Posko", "64.02"));
        Assert.Single(await _db.Get<EscalationRuleStore>().ListAsync(_first), r => r.Kind == EscalationKinds.Blocked);
    }

    private static async Task AssertAdminOnlyAsync(Func<Task> action) =>
        Assert.Equal(AccessDeniedException.AdminOnly, (await Assert.ThrowsAsync<AccessDeniedException>(action)).Reason);

    private async Task<Actor> NewAdminAsync(string userName)
    {
        using var scope = _db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = await admin.CreateAsync(TestDatabase.Admin, userName, userName, "kata sandi yang panjang",
            new UserAdministration.UserAccess(Roles.Admin, null, []));
        var principal = await new ReadinessClaimsPrincipalFactory(users, Options.Create(new IdentityOptions())).CreateAsync(user);
        return ReadinessClaims.ToActor(principal)!;
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
