using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Situation;

namespace Readiness.Data.Tests.Situation;

/// <summary>The incident log: recording, handling, significance, links to items, scopes, and counts that match a fresh count.</summary>
public sealed class IncidentStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly Actor _polri = TestDatabase.Liaison("POLRI", "52.71");
    private readonly Actor _kpu = TestDatabase.Liaison("KPU", "52.71");
    private readonly Actor _leader = new() { Name = "pimpinan.mataram", Role = Roles.Leader, Scopes = ["52.71"] };
    private readonly Actor _viewer = new() { Name = "pemantau.mataram", Role = Roles.Viewer, Scopes = ["52.71"] };
    private readonly Actor _elsewhere = TestDatabase.Liaison("POLRI", "64.02");

    private IncidentStore Store => _db.Get<IncidentStore>();

    // 23 Nov 2024 03:00 UTC is 11:00 WITA in Mataram.
    private static NewIncident Clash(string region = "52.71.03", string severity = IncidentSeverity.Serious, string kind = IncidentKind.Clash) => new()
    {
        RegionCode = region,
        Place = "Kel. Cakranegara Timur, TPS 07",
        OccurredAtLocal = new DateTime(2024, 11, 23, 10, 15, 0),
        Kind = kind,
        Severity = severity,
        Description = "Bentrok usai kampanye",
        HandlingAgencies = ["TNI", "POLRI"],
        OperationId = Guid.NewGuid(),
    };

    [Fact]
    public async Task A_liaison_records_an_incident_in_local_time_stored_as_UTC_with_its_event_and_a_replay_writes_nothing()
    {
        var input = Clash();
        var saved = Assert.IsType<IncidentSaveResult.Saved>(await Store.RecordAsync(_kpu, input));
        var replay = await Store.RecordAsync(_kpu, input);

        Assert.IsType<IncidentSaveResult.AlreadyApplied>(replay);
        var incident = saved.Incident;
        Assert.Equal(new DateTime(2024, 11, 23, 2, 15, 0, DateTimeKind.Utc), incident.OccurredAtUtc);
        Assert.Equal(("KPU", "POLRI,TNI", IncidentStatus.Reported, "Cakranegara"), (incident.ReportingAgency, incident.HandlingAgencies, incident.Status, incident.RegionName));
        Assert.NotNull(incident.StageId);
        var history = await Store.HistoryAsync(_viewer, incident.Id);
        Assert.Equal(IncidentChange.Recorded, Assert.Single(history).Change);
        Assert.Single(await Store.ListAsync(_leader, "52.71"));
    }

    [Fact]
    public async Task Closing_needs_a_note_each_move_is_an_event_and_a_stale_version_is_a_conflict()
    {
        var incident = ((IncidentSaveResult.Saved)await Store.RecordAsync(_polri, Clash())).Incident;
        await Assert.ThrowsAsync<InputException>(() => Store.ChangeStatusAsync(_kpu,
            new IncidentStatusChange(incident.Id, incident.Version, IncidentStatus.Closed, " ", null, Guid.NewGuid())));
        var handling = Assert.IsType<IncidentSaveResult.Saved>(await Store.ChangeStatusAsync(_kpu,
            new IncidentStatusChange(incident.Id, incident.Version, IncidentStatus.Handling, null, ["POLRI"], Guid.NewGuid())));
        var stale = await Store.ChangeStatusAsync(_polri, new IncidentStatusChange(incident.Id, incident.Version, IncidentStatus.Closed, "Selesai", null, Guid.NewGuid()));
        var closed = Assert.IsType<IncidentSaveResult.Saved>(await Store.ChangeStatusAsync(_polri,
            new IncidentStatusChange(incident.Id, handling.Incident.Version, IncidentStatus.Closed, "Massa bubar", null, Guid.NewGuid())));

        Assert.Equal(IncidentStatus.Handling, Assert.IsType<IncidentSaveResult.Conflict>(stale).Current.Status);
        Assert.Equal((IncidentStatus.Closed, "Massa bubar", "POLRI", 3), (closed.Incident.Status, closed.Incident.ClosingNote, closed.Incident.HandlingAgencies, closed.Incident.Version));
        var history = await Store.HistoryAsync(_leader, incident.Id);
        Assert.Equal([IncidentChange.Recorded, IncidentChange.StatusMoved, IncidentChange.StatusMoved], history.Select(h => h.Change));
        Assert.Equal((IncidentStatus.Handling, IncidentStatus.Closed), (history[2].StatusBefore, history[2].StatusAfter));
    }

    [Fact]
    public async Task Scopes_hold_in_every_read_and_write()
    {
        var incident = ((IncidentSaveResult.Saved)await Store.RecordAsync(_polri, Clash())).Incident;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.RecordAsync(_elsewhere, Clash()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.RecordAsync(_viewer, Clash()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.FindAsync(_elsewhere, incident.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.HistoryAsync(_elsewhere, incident.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.ListAsync(_elsewhere, "52.71"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.CountsAsync(_elsewhere, "52.71"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.HeadlinesAsync(_elsewhere, "52.71"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.ItemsOfAsync(_elsewhere, incident.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.ChangeStatusAsync(_elsewhere,
            new IncidentStatusChange(incident.Id, incident.Version, IncidentStatus.Handling, null, null, Guid.NewGuid())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.ChangeStatusAsync(_viewer,
            new IncidentStatusChange(incident.Id, incident.Version, IncidentStatus.Handling, null, null, Guid.NewGuid())));
        var kpuMark = await Assert.ThrowsAsync<AccessDeniedException>(() => Store.MarkSignificantAsync(_kpu, incident.Id, incident.Version, Guid.NewGuid()));
        Assert.Equal(AccessDeniedException.NotYourAgency, kpuMark.Reason);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.MarkSignificantAsync(_elsewhere, incident.Id, incident.Version, Guid.NewGuid()));
        Assert.Empty(await Store.ListAsync(_elsewhere, "64.02"));
        Assert.Equal(IncidentChange.Recorded, Assert.Single(await Store.HistoryAsync(TestDatabase.Admin, incident.Id)).Change);
    }

    [Fact]
    public async Task A_Polri_liaison_marks_significant_once_and_it_heads_the_wall_until_closed()
    {
        var incident = ((IncidentSaveResult.Saved)await Store.RecordAsync(_kpu, Clash())).Incident;
        var marked = Assert.IsType<IncidentSaveResult.Saved>(await Store.MarkSignificantAsync(_polri, incident.Id, incident.Version, Guid.NewGuid()));
        var again = await Store.MarkSignificantAsync(_leader, incident.Id, marked.Incident.Version, Guid.NewGuid());

        Assert.IsType<IncidentSaveResult.AlreadyApplied>(again);
        Assert.Equal(("penghubung.polri", true), (marked.Incident.SignificantBy, marked.Incident.IsSignificant));
        Assert.Single(await Store.HeadlinesAsync(_viewer, "52.71"));
        _db.Time.Advance(TimeSpan.FromHours(25));
        Assert.Empty(await Store.HeadlinesAsync(_viewer, "52.71"));
        Assert.Equal(2, (await Store.HistoryAsync(_leader, incident.Id)).Count);
    }

    [Fact]
    public async Task A_linked_item_and_its_incident_point_to_each_other_and_an_item_elsewhere_is_refused()
    {
        var election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "52.71");
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, election, "17.71");
        await using var connection = await _db.Factory.OpenAsync();
        var item = await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM ChecklistItems WHERE RegionCode = '52.71' AND AgencyCode = 'KPU';");
        var far = await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM ChecklistItems WHERE RegionCode = '17.71';");
        var incident = ((IncidentSaveResult.Saved)await Store.RecordAsync(_polri, Clash(kind: IncidentKind.Logistics))).Incident;

        Assert.IsType<IncidentSaveResult.Saved>(await Store.LinkItemAsync(_polri, incident.Id, item, Guid.NewGuid()));
        Assert.IsType<IncidentSaveResult.AlreadyApplied>(await Store.LinkItemAsync(_polri, incident.Id, item, Guid.NewGuid()));
        await Assert.ThrowsAsync<InputException>(() => Store.LinkItemAsync(_polri, incident.Id, far, Guid.NewGuid()));

        Assert.Equal(item, Assert.Single(await Store.ItemsOfAsync(_viewer, incident.Id)).ItemId);
        Assert.Equal(incident.Id, Assert.Single(await Store.IncidentsOfItemAsync(_viewer, item)).IncidentId);
        Assert.Empty(await Store.IncidentsOfItemAsync(_elsewhere, item));
    }

    [Fact]
    public async Task The_rollup_equals_a_fresh_count_after_live_changes()
    {
        var admin = TestDatabase.Admin;
        var recorded = new List<Incident>();
        foreach (var (region, kind, severity) in new[]
                 {
                     ("52.71.03", IncidentKind.Clash, IncidentSeverity.Serious), ("52.71.03", IncidentKind.HoaxSara, IncidentSeverity.Minor),
                     ("52.71.01", IncidentKind.PropsDamaged, IncidentSeverity.Minor), ("52.71", IncidentKind.Demonstration, IncidentSeverity.Moderate),
                     ("52.01.01", IncidentKind.MoneyPolitics, IncidentSeverity.Moderate), ("64.02.12", IncidentKind.Logistics, IncidentSeverity.Serious),
                 })
        {
            recorded.Add(((IncidentSaveResult.Saved)await Store.RecordAsync(admin, Clash(region, severity, kind) with { ReportingAgency = "POLRI" })).Incident);
        }

        var first = await Store.CountsAsync(admin, "52");
        await AssertEqualsFreshCountAsync(first, "52");
        Assert.Equal((5, 5, 0), (first.Total, first.Open, first.Closed));

        // Live changes: one closed, one marked significant, one recorded, and time moves a week on.
        await Store.ChangeStatusAsync(_polri, new IncidentStatusChange(recorded[0].Id, 1, IncidentStatus.Closed, "Selesai", null, Guid.NewGuid()));
        await Store.MarkSignificantAsync(_polri, recorded[1].Id, 1, Guid.NewGuid());
        _db.Time.Advance(TimeSpan.FromDays(6));
        await Store.RecordAsync(_polri, Clash() with { OccurredAtLocal = new DateTime(2024, 11, 29, 10, 0, 0) });
        _db.Time.Advance(TimeSpan.FromDays(2));

        var after = await Store.CountsAsync(_leader, "52.71");
        await AssertEqualsFreshCountAsync(after, "52.71");
        Assert.Equal((5, 4, 1, 1, 1), (after.Total, after.Open, after.Closed, after.OpenSignificant, after.LastSevenDays));
        var province = await Store.CountsAsync(admin, "52");
        Assert.Equal(after.Total + 1, province.Total);
        Assert.Equal(3, after.ByKind[IncidentKind.Clash] + after.ByKind[IncidentKind.HoaxSara]);
    }

    private async Task AssertEqualsFreshCountAsync(IncidentCounts counts, string prefix)
    {
        var all = (await Store.ListAsync(TestDatabase.Admin, "", take: IncidentStore.MaxList))
            .Where(i => RegionCode.IsWithin(i.RegionCode, prefix)).ToList();
        var weekAgo = _db.Time.GetUtcNow().UtcDateTime.AddDays(-7);
        Assert.Equal(all.Count, counts.Total);
        Assert.Equal(all.Count(i => i.IsOpen), counts.Open);
        Assert.Equal(all.Count(i => i.IsOpen && i.IsSignificant), counts.OpenSignificant);
        Assert.Equal(all.Count(i => i.OccurredAtUtc >= weekAgo), counts.LastSevenDays);
        Assert.Equal(all.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count()), counts.ByKind);
        Assert.Equal(all.GroupBy(i => i.Severity).ToDictionary(g => g.Key, g => g.Count()), counts.BySeverity);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<InputException>(() => Store.RecordAsync(_polri, Clash() with { Place = " " }));
        await Assert.ThrowsAsync<InputException>(() => Store.RecordAsync(_polri, Clash() with { Kind = "perang" }));
        await Assert.ThrowsAsync<InputException>(() => Store.RecordAsync(_polri, Clash() with { Severity = "parah" }));
        await Assert.ThrowsAsync<InputException>(() => Store.RecordAsync(_polri, Clash() with { OccurredAtLocal = new DateTime(2024, 11, 23, 12, 0, 0) }));
        await Assert.ThrowsAsync<InputException>(() => Store.RecordAsync(_polri, Clash() with { HandlingAgencies = ["FBI"] }));
        await Assert.ThrowsAsync<InputException>(() => Store.RecordAsync(_leader, Clash()));
        await Assert.ThrowsAsync<InputException>(() => Store.RecordAsync(_polri, Clash() with { Place = "TPS\u202E 1" }));
        Assert.Empty(await Store.ListAsync(_leader, "52.71"));
    }

    [Fact]
    public async Task The_demo_seeder_leaves_one_open_significant_incident_and_an_AG_kecamatan()
    {
        await _db.Get<SituationSeeder>().SeedAsync();
        await _db.Get<SituationSeeder>().SeedAsync();

        var all = await Store.ListAsync(TestDatabase.Admin, "", take: 100);
        Assert.Equal(12, all.Count);
        Assert.Single(all, i => i.IsSignificant && i.IsOpen);
        Assert.Equal(SituationLevel.Threshold, (await _db.Get<SituationStore>().CurrentAsync(TestDatabase.Admin, "52.71.03"))!.Level);
    }

    public async Task InitializeAsync() => await _db.ReadyAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
