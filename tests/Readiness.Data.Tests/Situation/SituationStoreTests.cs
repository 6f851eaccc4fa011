using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Shared;
using Readiness.Data.Situation;

namespace Readiness.Data.Tests.Situation;

/// <summary>The Kamtibmas estimate: who sets it, its history, conflicts, replays, and the worst level under a region.</summary>
public sealed class SituationStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly Actor _polri = TestDatabase.Liaison("POLRI", "52.71");
    private readonly Actor _pemda = TestDatabase.Liaison("PEMDA", "52.71");
    private readonly Actor _kpu = TestDatabase.Liaison("KPU", "52.71");
    private readonly Actor _leader = new() { Name = "pimpinan.mataram", Role = Roles.Leader, Scopes = ["52.71"] };
    private readonly Actor _viewer = new() { Name = "pemantau.mataram", Role = Roles.Viewer, Scopes = ["52.71"] };

    private SituationStore Store => _db.Get<SituationStore>();

    [Fact]
    public async Task Each_change_is_kept_in_the_history_with_who_when_from_and_to()
    {
        var first = Assert.IsType<SituationSaveResult.Saved>(await Store.SetAsync(_polri,
            new SituationInput("52.71.03", SituationLevel.Potential, "Massa berkumpul", 0, Guid.NewGuid())));
        _db.Time.Advance(TimeSpan.FromHours(2));
        var second = Assert.IsType<SituationSaveResult.Saved>(await Store.SetAsync(_pemda,
            new SituationInput("52.71.03", SituationLevel.Threshold, "Gesekan antarpendukung", first.Situation.Version, Guid.NewGuid())));

        var history = await Store.HistoryAsync(_leader, "52.71.03");
        Assert.Equal(2, history.Count);
        Assert.Equal((SituationLevel.Potential, SituationLevel.Threshold, "penghubung.pemda", "Gesekan antarpendukung"),
            (history[0].LevelBefore, history[0].LevelAfter, history[0].Actor, history[0].Reason));
        Assert.Equal(((string?)null, SituationLevel.Potential, "penghubung.polri"), (history[1].LevelBefore, history[1].LevelAfter, history[1].Actor));
        Assert.Equal(_db.Time.GetUtcNow().UtcDateTime, history[0].AtUtc, TimeSpan.FromSeconds(1));
        var current = (await Store.CurrentAsync(_viewer, "52.71.03"))!;
        Assert.Equal((SituationLevel.Threshold, 2, "penghubung.pemda"), (current.Level, current.Version, current.UpdatedBy));
        Assert.Equal(2, second.Situation.Version);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_keeps_the_other_change_and_a_replay_writes_nothing()
    {
        var operation = Guid.NewGuid();
        await Store.SetAsync(_polri, new SituationInput("52.71", SituationLevel.Potential, "Isu hoaks", 0, operation));
        var replay = await Store.SetAsync(_polri, new SituationInput("52.71", SituationLevel.Potential, "Isu hoaks", 0, operation));
        var stale = await Store.SetAsync(_pemda, new SituationInput("52.71", SituationLevel.Calm, "Aman", 0, Guid.NewGuid()));

        Assert.IsType<SituationSaveResult.AlreadyApplied>(replay);
        var conflict = Assert.IsType<SituationSaveResult.Conflict>(stale);
        Assert.Equal(SituationLevel.Potential, conflict.Current!.Level);
        Assert.Single(await Store.HistoryAsync(_leader, "52.71"));
    }

    [Fact]
    public async Task Only_Polri_and_Pemda_liaisons_leaders_and_admins_in_scope_set_the_level()
    {
        var input = new SituationInput("52.71", SituationLevel.Potential, "Isu", 0, Guid.NewGuid());
        var kpu = await Assert.ThrowsAsync<AccessDeniedException>(() => Store.SetAsync(_kpu, input));
        var viewer = await Assert.ThrowsAsync<AccessDeniedException>(() => Store.SetAsync(_viewer, input));
        var elsewhere = await Assert.ThrowsAsync<AccessDeniedException>(() => Store.SetAsync(TestDatabase.Liaison("POLRI", "64.02"), input));
        Assert.Equal(AccessDeniedException.NotYourAgency, kpu.Reason);
        Assert.Equal(AccessDeniedException.ReadOnly, viewer.Reason);
        Assert.Equal(AccessDeniedException.OutOfScope, elsewhere.Reason);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.CurrentAsync(TestDatabase.Liaison("POLRI", "64.02"), "52.71"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.HistoryAsync(TestDatabase.Liaison("POLRI", "64.02"), "52.71"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.SubtreeAsync(TestDatabase.Liaison("POLRI", "64.02"), "52.71"));
        Assert.Empty(await Store.HistoryAsync(_leader, "52.71"));

        Assert.IsType<SituationSaveResult.Saved>(await Store.SetAsync(_leader, input));
        Assert.IsType<SituationSaveResult.Saved>(await Store.SetAsync(TestDatabase.Admin, input with { Level = SituationLevel.Calm, ExpectedVersion = 1, OperationId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<InputException>(() => Store.SetAsync(_polri, new SituationInput("52.71", "merah", "x", 0, Guid.NewGuid())));
        await Assert.ThrowsAsync<InputException>(() => Store.SetAsync(_polri, new SituationInput("52.71", SituationLevel.Actual, "  ", 0, Guid.NewGuid())));
        await Assert.ThrowsAsync<InputException>(() => Store.SetAsync(_polri, new SituationInput("52.71", SituationLevel.Actual, new string('x', 501), 0, Guid.NewGuid())));
        await Assert.ThrowsAsync<InputException>(() => Store.SetAsync(_polri, new SituationInput("52.71.99", SituationLevel.Actual, "x", 0, Guid.NewGuid())));
        Assert.Empty(await Store.HistoryAsync(_leader, "52.71"));
    }

    [Fact]
    public async Task The_map_shows_each_child_at_the_worst_level_in_its_subtree()
    {
        var admin = TestDatabase.Admin;
        await Store.SetAsync(admin, new SituationInput("52.71", SituationLevel.Calm, "Aman", 0, Guid.NewGuid()));
        await Store.SetAsync(admin, new SituationInput("52.71.03", SituationLevel.Threshold, "Gesekan", 0, Guid.NewGuid()));
        await Store.SetAsync(admin, new SituationInput("52.01", SituationLevel.Potential, "Isu", 0, Guid.NewGuid()));

        var province = await Store.WorstByChildAsync(admin, "52");
        Assert.Equal(SituationLevel.Threshold, province["52.71"]);
        Assert.Equal(SituationLevel.Potential, province["52.01"]);
        Assert.False(province.ContainsKey("52.02"));
        var nation = await Store.WorstByChildAsync(admin, null);
        Assert.Equal(SituationLevel.Threshold, nation["52"]);
        var city = await Store.WorstByChildAsync(_leader, "52.71");
        Assert.Equal(SituationLevel.Threshold, Assert.Single(city).Value);
        Assert.Equal(["52.71.03", "52.71"], (await Store.SubtreeAsync(_leader, "52.71")).Select(s => s.RegionCode));
    }

    public async Task InitializeAsync() => await _db.ReadyAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
