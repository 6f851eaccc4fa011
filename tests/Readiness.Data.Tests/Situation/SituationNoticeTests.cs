using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Situation;
using Readiness.Data.Tests.Notifications;

namespace Readiness.Data.Tests.Situation;

/// <summary>A move to AG or GN and a significant incident reach the leaders in scope, once per change, with the region's activity.</summary>
public sealed class SituationNoticeTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private NotificationScenario _scenario = null!;

    [Fact]
    public async Task A_move_to_AG_or_GN_notifies_each_leader_in_scope_exactly_once_per_change()
    {
        var leader = await _scenario.UserAsync("sekda.mataram", Roles.Leader, "52.71");
        var elsewhere = await _scenario.UserAsync("sekda.kukar", Roles.Leader, "64.02");
        var polri = TestDatabase.Liaison("POLRI", "52.71");
        var store = _db.Get<SituationStore>();

        var pg = (SituationSaveResult.Saved)await store.SetAsync(polri, new SituationInput("52.71.03", SituationLevel.Potential, "Isu", 0, Guid.NewGuid()));
        var agInput = new SituationInput("52.71.03", SituationLevel.Threshold, "Gesekan", 1, Guid.NewGuid());
        var ag = (SituationSaveResult.Saved)await store.SetAsync(polri, agInput);
        var replay = await store.SetAsync(polri, agInput);
        var gn = (SituationSaveResult.Saved)await store.SetAsync(polri, new SituationInput("52.71.03", SituationLevel.Actual, "Bentrok", 2, Guid.NewGuid()));
        var reason = (SituationSaveResult.Saved)await store.SetAsync(polri, new SituationInput("52.71.03", SituationLevel.Actual, "Bentrok meluas", 3, Guid.NewGuid()));
        var down = (SituationSaveResult.Saved)await store.SetAsync(polri, new SituationInput("52.71.03", SituationLevel.Threshold, "Mereda", 4, Guid.NewGuid()));

        Assert.Equal((0, 1, 1, 0, 0), (pg.Notified, ag.Notified, gn.Notified, reason.Notified, down.Notified));
        Assert.IsType<SituationSaveResult.AlreadyApplied>(replay);
        await using var connection = await _db.Factory.OpenAsync();
        var notices = (await connection.QueryAsync<(int UserId, string Kind, string Subject, string Link)>(
            "SELECT UserId, Kind, Subject, Link FROM Notifications WHERE Kind = 'kamtibmas' ORDER BY Id;")).AsList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(leader.UserId, n.UserId));
        Assert.DoesNotContain(notices, n => n.UserId == elsewhere.UserId);
        Assert.Contains("AG", notices[0].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Gesekan", notices[0].Subject, StringComparison.Ordinal);
        var activity = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM RegionActivity WHERE Kind = 'kamtibmas' AND RegionCode = '52.71.03';");
        Assert.Equal(5, activity);
    }

    [Fact]
    public async Task Marking_an_incident_significant_notifies_the_leaders_once_and_the_text_typed_stays_out_of_the_notice()
    {
        var leader = await _scenario.UserAsync("sekda.mataram", Roles.Leader, "52.71");
        var polri = TestDatabase.Liaison("POLRI", "52.71");
        var store = _db.Get<IncidentStore>();
        var incident = ((IncidentSaveResult.Saved)await store.RecordAsync(polri, new NewIncident
        {
            RegionCode = "52.71.03", Place = "<b>TPS 07</b>", OccurredAtLocal = new DateTime(2024, 11, 23, 9, 0, 0), Kind = IncidentKind.Clash,
            Severity = IncidentSeverity.Serious, Description = "Pak Budi dipukul", OperationId = Guid.NewGuid(),
        })).Incident;

        await store.MarkSignificantAsync(polri, incident.Id, incident.Version, Guid.NewGuid());
        await store.MarkSignificantAsync(leader, incident.Id, incident.Version + 1, Guid.NewGuid());

        await using var connection = await _db.Factory.OpenAsync();
        var notice = Assert.Single(await connection.QueryAsync<(int UserId, string Subject, string Link)>(
            "SELECT UserId, Subject, Link FROM Notifications WHERE Kind = 'kejadian';"));
        Assert.Equal((leader.UserId, $"kejadian/{incident.Id}"), (notice.UserId, notice.Link));
        Assert.DoesNotContain("Budi", notice.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("TPS", notice.Subject, StringComparison.Ordinal);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM RegionActivity WHERE Kind = 'kejadian';"));
    }

    public async Task InitializeAsync() => _scenario = await NotificationScenario.StartAsync(_db);

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
