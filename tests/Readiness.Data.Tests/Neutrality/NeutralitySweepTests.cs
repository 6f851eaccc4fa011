using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Neutrality;
using Readiness.Data.Notifications;
using Readiness.Data.Tests.Notifications;

namespace Readiness.Data.Tests.Neutrality;

/// <summary>A recommendation past its deadline at the PPK reaches the leaders in scope once per case, with counts and kind, never a name.</summary>
public sealed class NeutralitySweepTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private NotificationScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await NotificationScenario.StartAsync(_db);
        await _scenario.ExecuteAsync("INSERT INTO Webhooks (Name, Url, Secret, CreatedAtUtc, CreatedBy) VALUES ('Posko', 'http://127.0.0.1:9/hook', 'rahasia-panjang-sekali', '2024-11-23 03:00:00.000', 'admin');");
    }

    [Fact]
    public async Task A_recommendation_past_its_deadline_notifies_each_leader_in_scope_once_without_the_name()
    {
        await _scenario.UserAsync("pjs.bupati", Roles.Leader, "64.02");
        await _scenario.UserAsync("bupati.lain", Roles.Leader, "17.71");
        var bawaslu = TestDatabase.Liaison("BAWASLU", "64.02");
        var store = _db.Get<NeutralityStore>();
        var c = await store.RecordCaseAsync(bawaslu, new NewNeutralityCase("64.02.06", "ASN Contoh Rahasia", "199001012015031001", "Guru", "Dinas Pendidikan",
            NeutralityKinds.Campaign, NeutralitySources.Report, new DateOnly(2024, 11, 20), "Hadir di kampanye."), Guid.NewGuid());
        foreach (var step in new[] { NeutralitySteps.Review, NeutralitySteps.ToBkn, NeutralitySteps.AtPpk })
        {
            c = await store.MoveCaseAsync(bawaslu, new NeutralityMove(c.Id, c.Version, step, Guid.NewGuid(), DeadlineDays: 3));
        }

        var sweep = _db.Get<IEnumerable<IEscalationSweep>>().OfType<NeutralitySweep>().Single();
        Assert.Equal(0, await sweep.SweepAsync(_db.Time.GetUtcNow().UtcDateTime, default));
        // The deadline is 26 Nov in WITA: on the 26th nothing, on the 27th (local) the notice.
        Assert.Equal(0, await sweep.SweepAsync(new DateTime(2024, 11, 26, 15, 0, 0, DateTimeKind.Utc), default));
        Assert.Equal(1, await sweep.SweepAsync(new DateTime(2024, 11, 26, 16, 30, 0, DateTimeKind.Utc), default));
        Assert.Equal(0, await sweep.SweepAsync(new DateTime(2024, 11, 27, 16, 30, 0, DateTimeKind.Utc), default));

        var notice = Assert.Single(await _scenario.NotificationsAsync());
        Assert.Equal(("pjs.bupati", EscalationKinds.Netralitas), (notice.UserName, notice.Kind));
        var subject = await _scenario.ScalarAsync<string>("SELECT Subject FROM Notifications;");
        Assert.Contains($"#{c.Id}", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Rahasia", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("199001012015031001", subject, StringComparison.Ordinal);
        // The webhook post is made from the notice (subject, link, region), so it carries no name either.
        Assert.Equal(1, await _scenario.ScalarAsync<long>("SELECT COUNT(*) FROM Deliveries WHERE Channel = 'webhook';"));
    }

    [Fact]
    public async Task Every_neutrality_write_appends_region_activity_without_personal_data()
    {
        var bawaslu = TestDatabase.Liaison("BAWASLU", "64.02");
        var c = await _db.Get<NeutralityStore>().RecordCaseAsync(bawaslu, new NewNeutralityCase("64.02.06", "ASN Contoh Rahasia", "199001012015031001", "Guru", "Dinas Pendidikan",
            NeutralityKinds.Campaign, NeutralitySources.Report, new DateOnly(2024, 11, 20), "Hadir di kampanye."), Guid.NewGuid());

        var activity = await _db.Get<ActivityLog>().ReadAsync(0, default);

        var row = Assert.Single(activity);
        Assert.Equal(("64.02.06", ActivityKinds.Netralitas, (long?)c.Id), (row.RegionCode, row.Kind, row.SubjectId));
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
