using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Coordination;
using Readiness.Data.Feed;
using Readiness.Data.Reports;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Coordination;

public sealed class CoordinationTests : IAsyncLifetime
{
    private static readonly Actor Leader = new() { Name = "pimpinan.bengkulu", Role = Roles.Leader, Scopes = ["17.71"], UserId = 7 };
    private static readonly Actor Viewer = new() { Name = "pemantau", Role = Roles.Viewer, Scopes = ["17.71"], UserId = 8 };
    private static readonly Actor Screen = new() { Name = "layar:desk", Role = Roles.Screen, Scopes = ["17.71"], ScreenTokenId = 1 };
    private readonly TestDatabase _db = new();
    private int _election;

    private VisitStore Visits => _db.Get<VisitStore>();

    private HelpRequestStore Requests => _db.Get<HelpRequestStore>();

    private DeclarationStore Declarations => _db.Get<DeclarationStore>();

    [Fact]
    public async Task An_instruction_is_an_item_of_the_named_agency_with_its_visit_as_source()
    {
        var id = await Visits.RecordAsync(Leader, Visit(
            new NewInstruction("TNI", "17.71.03", "Siapkan dua perahu ke bantaran sungai", new DateOnly(2024, 11, 25)),
            new NewInstruction("KPU", "17.71", "Distribusi logistik ke PPK", new DateOnly(2024, 11, 20))), Guid.NewGuid());

        var details = (await Visits.FindAsync(Leader, id))!;
        var tniItems = await _db.Checklists.ListForLiaisonAsync(TestDatabase.Liaison("TNI", "17.71"), _election);
        var item = tniItems.Single(v => v.Item.Title == "Siapkan dua perahu ke bantaran sungai").Item;
        var source = await Requests.ForItemAsync(TestDatabase.Liaison("TNI", "17.71"), item.Id);
        var history = await _db.Checklists.HistoryAsync(Leader, item.Id);

        Assert.Equal(2, details.Instructions.Count);
        Assert.Equal(2, details.Visit.InstructionCount);
        Assert.Equal("TNI", item.AgencyCode);
        Assert.Equal("17.71.03", item.RegionCode);
        Assert.Equal(new DateOnly(2024, 11, 25), item.DueDate);
        Assert.Equal(ItemStatus.NotStarted, item.Status);
        Assert.Equal(CoordinationOrigin.Instruction, source.Origin);
        Assert.Equal(id, source.Visit!.Id);
        Assert.Equal("Aula Kantor Wali Kota", source.Visit.Place);
        Assert.Equal(Leader.Name, Assert.Single(history).Actor);
        Assert.Equal(2, (await Visits.OpenCountsAsync(Leader, _election, ["17.71"]))["17.71"]);
    }

    [Fact]
    public async Task How_far_an_instruction_is_is_its_item_status_changed_by_the_liaison()
    {
        var tni = TestDatabase.Liaison("TNI", "17.71");
        var id = await Visits.RecordAsync(Leader, Visit(new NewInstruction("TNI", "17.71", "Apel kesiapan Kodim", new DateOnly(2024, 11, 25))), Guid.NewGuid());
        var instruction = Assert.Single((await Visits.FindAsync(Leader, id))!.Instructions);
        var item = (await _db.Checklists.FindAsync(instruction.ItemId))!;

        await _db.Checklists.ChangeStatusAsync(tni, new StatusChange(item.Id, item.Version, ItemStatus.Ready, null, Guid.NewGuid()));

        var after = (await Visits.FindAsync(Viewer, id))!;
        Assert.True(Assert.Single(after.Instructions).IsDone);
        Assert.Equal(1, after.Visit.ReadyCount);
        Assert.Equal("", after.Visit.Attendees);
        Assert.Empty(await Visits.OpenUnderAsync(Leader, _election, "17.71"));
    }

    [Fact]
    public async Task Open_instruction_counts_say_which_feed_events_may_move_them()
    {
        var tni = TestDatabase.Liaison("TNI", "17.71");
        var feed = _db.Get<Readiness.Data.Feed.FeedStore>();
        var start = await feed.StartAsync(CancellationToken.None);
        var id = await Visits.RecordAsync(Leader, Visit(new NewInstruction("TNI", "17.71", "Apel kesiapan Kodim", new DateOnly(2024, 11, 25))), Guid.NewGuid());
        var created = await feed.ReadAsync(start, CancellationToken.None);
        var counts = await Visits.OpenInstructionsAsync(Leader, _election, ["17.71"]);
        var instruction = Assert.Single((await Visits.FindAsync(Leader, id))!.Instructions);
        var other = (await _db.Checklists.ListForLiaisonAsync(tni, _election)).First(v => v.Item.Id != instruction.ItemId).Item;

        await _db.Checklists.ChangeStatusAsync(tni, new StatusChange(other.Id, other.Version, ItemStatus.Ready, null, Guid.NewGuid()));
        var otherChange = await feed.ReadAsync(created[^1].Seq, CancellationToken.None);
        var item = (await _db.Checklists.FindAsync(instruction.ItemId))!;
        await _db.Checklists.ChangeStatusAsync(tni, new StatusChange(item.Id, item.Version, ItemStatus.Ready, null, Guid.NewGuid()));
        var instructionChange = await feed.ReadAsync(otherChange[^1].Seq, CancellationToken.None);

        Assert.Equal(1, counts.Open["17.71"]);
        Assert.Equal([instruction.ItemId], counts.ItemIds);
        Assert.True(counts.MayMove(created)); // a new visit's instruction is created with its first event
        Assert.False(counts.MayMove(otherChange));
        Assert.True(counts.MayMove(instructionChange));
        Assert.Equal(0, (await Visits.OpenInstructionsAsync(Leader, _election, ["17.71"])).Open["17.71"]);
    }

    [Fact]
    public async Task Only_a_leader_in_scope_records_a_visit_and_a_refusal_writes_nothing()
    {
        var visit = Visit(new NewInstruction("TNI", "17.71", "Apel kesiapan", new DateOnly(2024, 11, 25)));
        Actor[] refused =
        [
            TestDatabase.Liaison("TNI", "17.71"), Viewer, Screen, TestDatabase.Admin,
            new Actor { Name = "pimpinan.lain", Role = Roles.Leader, Scopes = ["52.71"] },
        ];

        foreach (var actor in refused)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => Visits.RecordAsync(actor, visit, Guid.NewGuid()));
        }

        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CoordinationVisits;"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ChecklistItems WHERE Origin IS NOT NULL;"));
    }

    [Fact]
    public async Task A_bad_instruction_refuses_the_whole_visit_and_a_replay_records_it_once()
    {
        var late = Visit(new NewInstruction("TNI", "17.71", "Apel", new DateOnly(2024, 11, 25)),
            new NewInstruction("KPU", "52.71", "Di luar wilayah kunjungan", new DateOnly(2024, 11, 25)));
        var ex = await Assert.ThrowsAsync<InputException>(() => Visits.RecordAsync(Leader, late, Guid.NewGuid()));
        Assert.Equal(CoordinationInput.InstructionRegionInvalid, ex.Key);

        var tooLate = Visit(new NewInstruction("TNI", "17.71", "Apel", new DateOnly(2025, 6, 1)));
        ex = await Assert.ThrowsAsync<InputException>(() => Visits.RecordAsync(Leader, tooLate, Guid.NewGuid()));
        Assert.Equal(CoordinationInput.InstructionDueInvalid, ex.Key);

        var op = Guid.NewGuid();
        var ok = Visit(new NewInstruction("TNI", "17.71", "Apel", new DateOnly(2024, 11, 25)));
        var first = await Visits.RecordAsync(Leader, ok, op);
        var again = await Visits.RecordAsync(Leader, ok, op);

        Assert.Equal(first, again);
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM CoordinationVisits;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ChecklistItems WHERE Origin = 'arahan';"));
    }

    [Fact]
    public async Task A_request_links_both_items_and_each_answer_reaches_the_asking_item()
    {
        var kpu = TestDatabase.Liaison("KPU", "17.71");
        var pemda = TestDatabase.Liaison("PEMDA", "17.71");
        var asking = await BlockedItemAsync(kpu);

        var request = await Requests.AskAsync(kpu, new NewHelpRequest(asking.Id, "PEMDA", "Genset untuk gudang logistik", 2, "genset"), Guid.NewGuid());

        var asked = (await _db.Checklists.FindAsync(request.ToItemId!.Value))!;
        Assert.Equal("PEMDA", asked.AgencyCode);
        Assert.Equal(asking.RegionCode, asked.RegionCode);
        Assert.Equal(2, asked.Target);
        Assert.Equal("genset", asked.Unit);
        Assert.Contains(await _db.Checklists.ListForLiaisonAsync(pemda, _election), v => v.Item.Id == asked.Id);
        var fromAsking = await Requests.ForItemAsync(kpu, asking.Id);
        var fromAsked = await Requests.ForItemAsync(pemda, asked.Id);
        Assert.Equal(request.Id, Assert.Single(fromAsking.Outgoing).Id);
        Assert.Equal("2 genset", fromAsking.Outgoing[0].Summary);
        Assert.True(fromAsking.Outgoing[0].IsPending);
        Assert.Equal(CoordinationOrigin.Request, fromAsked.Origin);
        Assert.Equal(asking.Id, fromAsked.Incoming!.FromItemId);
        Assert.Equal(new RequestPair { FromAgencyCode = "KPU", ToAgencyCode = "PEMDA", OpenCount = 1 }, Assert.Single(await Requests.PendingPairsAsync(Viewer, _election, "17.71")));

        var versionBefore = (await _db.Checklists.FindAsync(asking.Id))!.Version;
        var accepted = await Requests.AcceptAsync(pemda, request.Id, request.Version, Guid.NewGuid());
        Assert.Equal(HelpRequestState.Accepted, accepted.EffectiveState);
        Assert.Equal(ItemStatus.InProgress, (await _db.Checklists.FindAsync(asked.Id))!.Status);
        var askingAfterAccept = (await _db.Checklists.FindAsync(asking.Id))!;
        Assert.True(askingAfterAccept.Version > versionBefore, "the answer reaches the asking item's screens as an event on it");
        Assert.Equal(ItemStatus.Blocked, askingAfterAccept.Status);

        var delivered = await Requests.DeliverAsync(pemda, request.Id, accepted.Version, Guid.NewGuid());
        var askedAfter = (await _db.Checklists.FindAsync(asked.Id))!;
        Assert.Equal(HelpRequestState.Delivered, delivered.EffectiveState);
        Assert.Equal(ItemStatus.Ready, askedAfter.Status);
        Assert.Equal(2, askedAfter.Done);
        Assert.False(Assert.Single((await Requests.ForItemAsync(kpu, asking.Id)).Outgoing).IsPending);
        Assert.Empty(await Requests.PendingPairsAsync(Viewer, _election, "17.71"));
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(["minta", "jawab", "jawab"],
            await connection.QueryAsync<string>("SELECT Kind FROM CoordinationEvents WHERE SubjectId = @id ORDER BY Seq;", new { id = request.Id }));
    }

    [Theory]
    [InlineData(HelpRequestState.Accepted)]
    [InlineData(HelpRequestState.Declined)]
    [InlineData(HelpRequestState.Delivered)]
    public async Task An_answer_reaches_the_asking_item_without_crediting_the_answering_agency_with_a_change_to_it(string answer)
    {
        var kpu = TestDatabase.Liaison("KPU", "17.71");
        var tni = TestDatabase.Liaison("TNI", "17.71");
        var pump = _db.Get<FeedPump>();
        await pump.InitializeAsync(CancellationToken.None);
        var asking = await BlockedItemAsync(kpu);
        var request = await Requests.AskAsync(kpu, new NewHelpRequest(asking.Id, "TNI", "Pengawalan logistik ke pulau"), Guid.NewGuid());
        var held = (await _db.Checklists.FindAsync(asking.Id))!; // what KPU's screens hold once the request is made
        await pump.DrainAsync(CancellationToken.None);
        var received = new List<FeedEvent>();
        using var screen = _db.Get<LiveFeed>().Subscribe(["17.71"], events =>
        {
            lock (received)
            {
                received.AddRange(events);
            }

            return Task.CompletedTask;
        });
        _db.Time.Advance(TimeSpan.FromMinutes(40));
        var answeredAt = _db.Time.GetUtcNow().UtcDateTime;

        _ = answer switch
        {
            HelpRequestState.Accepted => await Requests.AcceptAsync(tni, request.Id, request.Version, Guid.NewGuid()),
            HelpRequestState.Declined => await Requests.DeclineAsync(tni, request.Id, request.Version, "Personel BKO ke kabupaten lain", Guid.NewGuid()),
            _ => await Requests.DeliverAsync(tni, request.Id, request.Version, Guid.NewGuid()),
        };
        await pump.DrainAsync(CancellationToken.None);

        // KPU's item still says what KPU last did, and when.
        var after = (await _db.Checklists.FindAsync(asking.Id))!;
        Assert.Equal((kpu.Name, held.UpdatedAtUtc, ItemStatus.Blocked, "Gudang tanpa listrik"), (after.UpdatedBy, after.UpdatedAtUtc, after.Status, after.Note));

        // Screens holding KPU's item still learn of the answer at once, and keep showing KPU's last change.
        FeedEvent[] seen;
        lock (received)
        {
            seen = [.. received];
        }

        var touch = Assert.Single(seen, e => e.ItemId == asking.Id);
        Assert.Equal(after.Version, touch.ItemVersion);
        Assert.True(touch.ItemVersion > held.Version, "the asking item's coordination line reloads on a newer version");
        Assert.Equal(after, held.PatchedBy(touch));
        Assert.False(touch.IsListedChange);

        // No "latest changes" or item history credits TNI's liaison with a change to KPU's item.
        var region = (await _db.Get<RegionReports>().ReadAsync(Leader, "17.71", new RegionReportOptions { LatestTake = 50, LatestSinceUtc = answeredAt }))!;
        Assert.DoesNotContain(region.Latest, e => e.ItemId == asking.Id);
        Assert.DoesNotContain(await _db.Get<FeedStore>().RecentAsync(Leader, "17.71", 100), e => e.ItemId == asking.Id && e.Actor == tni.Name);
        Assert.Equal(region.Latest.Count(e => e.AtUtc >= answeredAt), await _db.Get<FeedStore>().CountRecentAsync(Leader, "17.71", answeredAt));
        Assert.DoesNotContain(region.Apply(seen).Report.Latest, e => e.ItemId == asking.Id);
        Assert.DoesNotContain(await _db.Checklists.HistoryAsync(Leader, asking.Id), h => h.Actor == tni.Name);
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_a_stale_answer_is_refused()
    {
        var kpu = TestDatabase.Liaison("KPU", "17.71");
        var tni = TestDatabase.Liaison("TNI", "17.71");
        var asking = await BlockedItemAsync(kpu);
        var request = await Requests.AskAsync(kpu, new NewHelpRequest(asking.Id, "TNI", "Pengawalan logistik ke pulau"), Guid.NewGuid());

        var noReason = await Assert.ThrowsAsync<InputException>(() => Requests.DeclineAsync(tni, request.Id, request.Version, " ", Guid.NewGuid()));
        Assert.Equal(CoordinationInput.ReasonRequired, noReason.Key);
        var declined = await Requests.DeclineAsync(tni, request.Id, request.Version, "Personel BKO ke kabupaten lain", Guid.NewGuid());
        var stale = await Assert.ThrowsAsync<InputException>(() => Requests.AcceptAsync(tni, request.Id, request.Version, Guid.NewGuid()));

        Assert.Equal(HelpRequestState.Declined, declined.State);
        Assert.Equal("Personel BKO ke kabupaten lain", declined.Reason);
        Assert.Equal(CoordinationInput.RequestClosed, stale.Key);
        Assert.Equal("Personel BKO ke kabupaten lain", (await _db.Checklists.FindAsync(request.ToItemId!.Value))!.Note);
    }

    [Fact]
    public async Task Only_the_asking_agency_asks_only_from_Kendala_and_only_the_asked_agency_answers()
    {
        var kpu = TestDatabase.Liaison("KPU", "17.71");
        var asking = await BlockedItemAsync(kpu);
        var notBlocked = (await _db.Checklists.ListForLiaisonAsync(kpu, _election)).First(v => v.Item.Status == ItemStatus.NotStarted).Item;
        var ask = new NewHelpRequest(asking.Id, "TNI", "Perahu karet");

        foreach (var actor in new[] { TestDatabase.Liaison("TNI", "17.71"), TestDatabase.Liaison("KPU", "52.71"), Leader, Viewer, Screen })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => Requests.AskAsync(actor, ask, Guid.NewGuid()));
        }

        Assert.Equal(CoordinationInput.RequestNeedsBlocked,
            (await Assert.ThrowsAsync<InputException>(() => Requests.AskAsync(kpu, ask with { FromItemId = notBlocked.Id }, Guid.NewGuid()))).Key);
        Assert.Equal(CoordinationInput.RequestSameAgency,
            (await Assert.ThrowsAsync<InputException>(() => Requests.AskAsync(kpu, ask with { ToAgencyCode = "KPU" }, Guid.NewGuid()))).Key);
        Assert.Equal(CoordinationInput.QuantityInvalid,
            (await Assert.ThrowsAsync<InputException>(() => Requests.AskAsync(kpu, ask with { Quantity = 2 }, Guid.NewGuid()))).Key);

        var request = await Requests.AskAsync(kpu, ask, Guid.NewGuid());
        foreach (var actor in new[] { kpu, TestDatabase.Liaison("POLRI", "17.71"), Leader, Viewer, Screen })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => Requests.AcceptAsync(actor, request.Id, request.Version, Guid.NewGuid()));
        }

        Assert.Equal("", (await Requests.FindAsync(Viewer, request.Id))!.AskedBy);
        Assert.Equal(kpu.Name, (await Requests.FindAsync(Leader, request.Id))!.AskedBy);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Requests.PendingPairsAsync(new Actor { Name = "x", Role = Roles.Viewer, Scopes = ["52"] }, _election, "17.71"));
    }

    [Fact]
    public async Task A_declaration_is_void_once_a_new_Kendala_of_that_agency_appears_after_it()
    {
        var summary = await DeclareThreeAsync();
        Assert.Equal(3, summary.Holding);
        Assert.Equal(5, summary.AgencyCount);

        _db.Time.Advance(TimeSpan.FromHours(1));
        var polri = TestDatabase.Liaison("POLRI", "17.71");
        var item = (await _db.Checklists.ListForLiaisonAsync(polri, _election)).First(v => v.Item.RegionCode != "17.71").Item;
        await _db.Checklists.ChangeStatusAsync(polri, new StatusChange(item.Id, item.Version, ItemStatus.Blocked, "Personel kurang", Guid.NewGuid()));

        var after = await Declarations.SummaryAsync(Viewer, _election, "17.71", DeclarationMoment.QuietPeriod);
        Assert.Equal(2, after.Holding);
        var voided = Assert.Single(after.Declarations, d => d.IsVoid);
        Assert.Equal("POLRI", voided.AgencyCode);
        Assert.Equal("", voided.HeadName);
        Assert.Equal("AKBP Deddy Nata", (await Declarations.SummaryAsync(Leader, _election, "17.71", DeclarationMoment.QuietPeriod))
            .Declarations.Single(d => d.AgencyCode == "POLRI").HeadName);

        // A new declaration after the Kendala holds again.
        _db.Time.Advance(TimeSpan.FromHours(1));
        await Declarations.DeclareAsync(polri, new NewDeclaration(_election, "17.71", "POLRI", DeclarationMoment.QuietPeriod, "AKBP Deddy Nata", "Kapolresta",
            "Personel TPS rawan di kecamatan Teluk Segara"), Guid.NewGuid());
        Assert.Equal(3, (await Declarations.SummaryAsync(Viewer, _election, "17.71", DeclarationMoment.QuietPeriod)).Holding);
    }

    [Fact]
    public async Task A_Kendala_before_the_declaration_or_of_another_agency_leaves_it_standing()
    {
        var polri = TestDatabase.Liaison("POLRI", "17.71");
        var item = (await _db.Checklists.ListForLiaisonAsync(polri, _election))[0].Item;
        await _db.Checklists.ChangeStatusAsync(polri, new StatusChange(item.Id, item.Version, ItemStatus.Blocked, "Sudah kendala sebelumnya", Guid.NewGuid()));
        _db.Time.Advance(TimeSpan.FromMinutes(5));
        await DeclareThreeAsync();

        _db.Time.Advance(TimeSpan.FromHours(1));
        var bawaslu = TestDatabase.Liaison("BAWASLU", "17.71");
        var other = (await _db.Checklists.ListForLiaisonAsync(bawaslu, _election))[0].Item;
        await _db.Checklists.ChangeStatusAsync(bawaslu, new StatusChange(other.Id, other.Version, ItemStatus.Blocked, "PTPS kurang", Guid.NewGuid()));

        Assert.Equal(3, (await Declarations.SummaryAsync(Viewer, _election, "17.71", DeclarationMoment.QuietPeriod)).Holding);
    }

    [Fact]
    public async Task Only_the_agency_liaison_declares_for_their_agency()
    {
        var declaration = new NewDeclaration(_election, "17.71", "KPU", DeclarationMoment.QuietPeriod, "Ketua KPU", "Ketua", null);
        foreach (var actor in new[] { TestDatabase.Liaison("TNI", "17.71"), TestDatabase.Liaison("KPU", "52.71"), Leader, Viewer, Screen })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => Declarations.DeclareAsync(actor, declaration, Guid.NewGuid()));
        }

        Assert.Equal(CoordinationInput.DeclarationInvalid, (await Assert.ThrowsAsync<InputException>(() =>
            Declarations.DeclareAsync(TestDatabase.Liaison("KPU", "17.71"), declaration with { RegencyCode = "17.71.01" }, Guid.NewGuid()))).Key);
        Assert.Empty((await Declarations.SummaryAsync(Screen, _election, "17.71", DeclarationMoment.QuietPeriod)).Declarations);
    }

    private async Task<DeclarationSummary> DeclareThreeAsync()
    {
        foreach (var (agency, head, position) in new[] { ("KPU", "Rusman Sudarsono", "Ketua KPU Kota"), ("POLRI", "AKBP Deddy Nata", "Kapolresta"),
                     ("TNI", "Letkol Inf Rizky", "Dandim 0407") })
        {
            await Declarations.DeclareAsync(TestDatabase.Liaison(agency, "17.71"),
                new NewDeclaration(_election, "17.71", agency, DeclarationMoment.QuietPeriod, head, position, null), Guid.NewGuid());
        }

        return await Declarations.SummaryAsync(Viewer, _election, "17.71", DeclarationMoment.QuietPeriod);
    }

    private async Task<ChecklistItem> BlockedItemAsync(Actor liaison)
    {
        var item = (await _db.Checklists.ListForLiaisonAsync(liaison, _election)).First(v => v.Item.RegionCode == "17.71.03").Item;
        var saved = (SaveResult.Saved)await _db.Checklists.ChangeStatusAsync(liaison,
            new StatusChange(item.Id, item.Version, ItemStatus.Blocked, "Gudang tanpa listrik", Guid.NewGuid()));
        return saved.Item;
    }

    private NewVisit Visit(params NewInstruction[] instructions) => new(_election, "17.71", VisitKind.Visit, new DateOnly(2024, 11, 22),
        "Aula Kantor Wali Kota", "Pj Wali Kota, Kapolresta, Dandim, Ketua KPU", "Evaluasi kesiapan menjelang masa tenang", instructions);

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "17.71");
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "52.71");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
