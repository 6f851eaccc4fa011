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
    public void The_sweep_is_registered_for_the_escalation_worker()
    {
        Assert.Contains(_db.Get<IEnumerable<IEscalationSweep>>(), s => s is HelpRequestSweep);
    }

    public async Task InitializeAsync() => _scenario = await NotificationScenario.StartAsync(_db);

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
