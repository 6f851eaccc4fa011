using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Coordination;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;
using Readiness.Data.Tests.Notifications;

namespace Readiness.Data.Tests.Coordination;

public sealed class CoordinationNoticeTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private NotificationScenario _scenario = default!;

    [Fact]
    public async Task A_new_instruction_tells_the_liaisons_of_that_agency_in_scope_once()
    {
        var leader = await _scenario.UserAsync("pimpinan.bengkulu", Roles.Leader, "17.71");
        await _scenario.UserAsync("penghubung.polri.bengkulu", Roles.Liaison, "17.71");
        await _scenario.UserAsync("penghubung.polri.mataram", Roles.Liaison, "52.71");
        var op = Guid.NewGuid();
        var visit = new NewVisit(_scenario.Election, "17.71", VisitKind.Meeting, new DateOnly(2024, 11, 22), "Ruang Desk Pilkada", "Sekda, Kapolresta", null,
            [new NewInstruction("POLRI", "17.71", "Patroli malam masa tenang", new DateOnly(2024, 11, 24)),
             new NewInstruction("POLRI", "17.71.03", "Pengamanan gudang logistik", new DateOnly(2024, 11, 25)),
             new NewInstruction("KPU", "17.71", "Distribusi logistik", new DateOnly(2024, 11, 25))]);

        await _db.Get<VisitStore>().RecordAsync(leader, visit, op);
        await _db.Get<VisitStore>().RecordAsync(leader, visit, op);

        var notices = await _scenario.NotificationsAsync();
        var notice = Assert.Single(notices);
        Assert.Equal(("penghubung.polri.bengkulu", EscalationKinds.Arahan), (notice.UserName, notice.Kind));
        Assert.Equal("2 arahan baru untuk Polri", await _scenario.ScalarAsync<string>("SELECT Subject FROM Notifications;"));
    }

    [Fact]
    public async Task A_request_unanswered_for_a_day_goes_to_the_leaders_in_scope_once()
    {
        await _scenario.UserAsync("pimpinan.bengkulu", Roles.Leader, "17.71");
        await _scenario.UserAsync("pimpinan.mataram", Roles.Leader, "52.71");
        var polri = _scenario.Liaison;
        var item = await _scenario.ItemAsync("17.71.03", "Pengawalan logistik ke pulau", ItemStatus.Blocked);
        var answered = await _scenario.ItemAsync("17.71.03", "Tenda untuk TPS", ItemStatus.Blocked);
        var sweep = _db.Get<HelpRequestSweep>();
        var requests = _db.Get<HelpRequestStore>();
        await requests.AskAsync(polri, new NewHelpRequest(item.Id, "TNI", "Perahu karet", 2, "perahu"), Guid.NewGuid());
        var other = await requests.AskAsync(polri, new NewHelpRequest(answered.Id, "PEMDA", "Tenda"), Guid.NewGuid());
        await requests.AcceptAsync(TestDatabase.Liaison("PEMDA", "17.71"), other.Id, other.Version, Guid.NewGuid());

        _db.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await sweep.SweepAsync(_db.Time.GetUtcNow().UtcDateTime, default));
        _db.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await sweep.SweepAsync(_db.Time.GetUtcNow().UtcDateTime, default));
        Assert.Equal(0, await sweep.SweepAsync(_db.Time.GetUtcNow().UtcDateTime, default));

        Assert.Equal([("pimpinan.bengkulu", EscalationKinds.Permintaan)], (await _scenario.NotificationsAsync()).Select(n => (n.UserName, n.Kind)));
    }

    [Fact]
    public async Task Each_answer_tells_the_asking_agencys_liaisons_in_scope_once_and_not_the_asked_agency()
    {
        await _scenario.UserAsync("penghubung.polri.bengkulu", Roles.Liaison, "17.71");
        await _scenario.UserAsync("penghubung.polri.mataram", Roles.Liaison, "52.71");
        await _scenario.UserAsync("penghubung.tni.bengkulu", Roles.Liaison, "17.71");
        await _scenario.ExecuteAsync("UPDATE Users SET AgencyCode = 'TNI' WHERE UserName = 'penghubung.tni.bengkulu';");
        await _scenario.UserAsync("pimpinan.bengkulu", Roles.Leader, "17.71");
        var item = await _scenario.ItemAsync("17.71.03", "Pengawalan logistik ke pulau", ItemStatus.Blocked);
        var requests = _db.Get<HelpRequestStore>();
        var tni = TestDatabase.Liaison("TNI", "17.71");
        var asked = await requests.AskAsync(_scenario.Liaison, new NewHelpRequest(item.Id, "TNI", "Perahu karet", 2, "perahu karet"), Guid.NewGuid());
        Assert.DoesNotContain(await _scenario.NotificationsAsync(), n => n.UserName == "penghubung.polri.bengkulu");

        var op = Guid.NewGuid();
        var accepted = await requests.AcceptAsync(tni, asked.Id, asked.Version, op);
        await requests.AcceptAsync(tni, asked.Id, asked.Version, op);
        await requests.DeliverAsync(tni, accepted.Id, accepted.Version, Guid.NewGuid());

        var told = (await _scenario.NotificationsAsync()).Where(n => n.Kind == EscalationKinds.Permintaan).ToList();
        Assert.Equal(["penghubung.polri.bengkulu", "penghubung.polri.bengkulu"], told.Select(n => n.UserName));
        Assert.Equal(
            ["TNI menerima permintaan bantuan Polri di Teluk Segara: 2 perahu karet", "TNI memenuhi permintaan bantuan Polri di Teluk Segara: 2 perahu karet"],
            await ListAsync("SELECT Subject FROM Notifications WHERE Kind = 'permintaan' ORDER BY Id;"));
        Assert.Equal([$"butir/{item.Id}"], (await ListAsync("SELECT Link FROM Notifications WHERE Kind = 'permintaan';")).Distinct());
    }

    [Fact]
    public async Task An_answer_is_not_told_when_its_rule_is_off_and_the_escalation_rule_stays_the_leaders()
    {
        await _scenario.UserAsync("penghubung.polri.bengkulu", Roles.Liaison, "17.71");
        await _scenario.ExecuteAsync("UPDATE EscalationRules SET IsEnabled = 0 WHERE Code = 'permintaan-dijawab';");
        var item = await _scenario.ItemAsync("17.71.03", "Tenda untuk TPS", ItemStatus.Blocked);
        var requests = _db.Get<HelpRequestStore>();
        var asked = await requests.AskAsync(_scenario.Liaison, new NewHelpRequest(item.Id, "PEMDA", "Tenda"), Guid.NewGuid());

        var declined = await requests.DeclineAsync(TestDatabase.Liaison("PEMDA", "17.71"), asked.Id, asked.Version, "Tenda dipakai banjir", Guid.NewGuid());

        Assert.Equal(HelpRequestState.Declined, declined.State);
        Assert.Empty(await _scenario.NotificationsAsync());
    }

    [Fact]
    public void The_sweep_is_registered_for_the_escalation_worker()
    {
        Assert.Contains(_db.Get<IEnumerable<IEscalationSweep>>(), s => s is HelpRequestSweep);
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = await _db.Factory.OpenAsync();
        return (await connection.QueryAsync<string>(sql)).AsList();
    }

    public async Task InitializeAsync() => _scenario = await NotificationScenario.StartAsync(_db);

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
