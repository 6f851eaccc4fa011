using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Notifications;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Notifications;

/// <summary>
/// The Pilkada 2024 election on a real SQLite file, leaders and a liaison as users, and items made the way a liaison
/// makes them: what the escalation tests share.
/// </summary>
public sealed class NotificationScenario(TestDatabase db)
{
    public TestDatabase Db { get; } = db;

    public int Election { get; private set; }

    public int Stage { get; private set; }

    public Actor Liaison { get; } = TestDatabase.Liaison("POLRI", "64", "52", "17", "81");

    public EscalationEngine Engine => Db.Get<EscalationEngine>();

    public static async Task<NotificationScenario> StartAsync(TestDatabase db)
    {
        await db.ReadyAsync();
        var scenario = new NotificationScenario(db);
        scenario.Election = (await db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        scenario.Stage = (await db.Elections.StagesAsync(scenario.Election)).Single(s => s.Code == "REKAP").Id;
        return scenario;
    }

    /// <summary>Creates a user of <paramref name="role"/> with <paramref name="scopes"/>; returns the actor the services check.</summary>
    public async Task<Actor> UserAsync(string userName, string role, params string[] scopes)
    {
        using var scope = Db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, DisplayName = userName, Role = role, Scopes = [.. scopes],
            AgencyCode = role == Roles.Liaison ? "POLRI" : null,
        };
        var result = await users.CreateAsync(user, "rapat koordinasi desk pilkada");
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        return new Actor { Name = userName, Role = role, Scopes = scopes, UserId = user.Id, AgencyCode = user.AgencyCode };
    }

    public async Task<ChecklistItem> ItemAsync(string region, string title, string status, DateOnly? due = null, string criticality = Criticality.Normal)
    {
        var stage = (await Db.Elections.StagesAsync(Election)).Single(s => s.Id == Stage);
        var item = await Db.Checklists.AddItemAsync(Liaison, new NewItem(Election, region, Stage, title, due ?? stage.EndDate, criticality), Guid.NewGuid());
        return status == ItemStatus.NotStarted ? item : await ChangeAsync(item, status);
    }

    public async Task<ChecklistItem> ChangeAsync(ChecklistItem item, string status, string? note = null)
    {
        var saved = (SaveResult.Saved)await Db.Checklists.ChangeStatusAsync(Liaison,
            new StatusChange(item.Id, item.Version, status, note ?? (status == ItemStatus.Blocked ? "menunggu anggaran" : null), Guid.NewGuid()));
        return saved.Item;
    }

    /// <summary>Notifications per user name, as stored.</summary>
    public async Task<IReadOnlyList<(string UserName, string Kind, long? ItemId)>> NotificationsAsync()
    {
        await using var connection = await Db.Factory.OpenAsync();
        return (await connection.QueryAsync<(string, string, long?)>(
            "SELECT u.UserName, n.Kind, n.ItemId FROM Notifications n JOIN Users u ON u.Id = n.UserId ORDER BY n.Id;")).AsList();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException(sql);
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Db.Factory.OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }
}
