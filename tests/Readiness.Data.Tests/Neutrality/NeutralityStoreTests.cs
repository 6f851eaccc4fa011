using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Neutrality;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Neutrality;

/// <summary>ASN neutrality on a real SQLite file: steps in order only, personal data to the entitled only, every view logged, rollups.</summary>
public sealed class NeutralityStoreTests : IAsyncLifetime
{
    private const string Regency = "64.02";
    private const string Kecamatan = "64.02.06";
    private const string Person = "ASN Contoh Satu";
    private readonly TestDatabase _db = new();

    private static readonly Actor Bawaslu = TestDatabase.Liaison("BAWASLU", Regency);
    private static readonly Actor Pemda = TestDatabase.Liaison("PEMDA", Regency);
    private static readonly Actor Leader = new() { Name = "pimpinan", Role = Roles.Leader, Scopes = [Regency] };

    private NeutralityStore Store => _db.Get<NeutralityStore>();

    public static TheoryData<string> NotEntitled() => new() { "KPU", "POLRI", "TNI", "PEMDA", Roles.Viewer, Roles.Screen, "leader-elsewhere" };

    private static Actor ActorFor(string who) => who switch
    {
        Roles.Viewer => new Actor { Name = "pemantau", Role = Roles.Viewer, Scopes = [Regency] },
        Roles.Screen => new Actor { Name = "layar:Ruang Ops", Role = Roles.Screen, Scopes = [Regency], ScreenTokenId = 1 },
        "leader-elsewhere" => new Actor { Name = "pimpinan.bengkulu", Role = Roles.Leader, Scopes = ["17.71"] },
        _ => TestDatabase.Liaison(who, Regency),
    };

    [Fact]
    public async Task A_case_moves_through_every_step_in_order_and_each_step_is_an_event_with_who_and_when()
    {
        var c = await RecordAsync();
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.Review);
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.ToBkn);
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.AtPpk);
        Assert.Equal(new DateOnly(2024, 11, 23).AddDays(14), c.PpkDeadline);
        c = await Store.MoveCaseAsync(Leader, new NeutralityMove(c.Id, c.Version, NeutralitySteps.Sanctioned, Guid.NewGuid(), Sanction: NeutralitySanctions.Medium));
        c = await MoveAsync(Pemda, c, NeutralitySteps.ReportedBack);

        var history = await Store.HistoryAsync(Leader, Regency, c.Id);
        Assert.Equal(
            [NeutralitySteps.Registered, NeutralitySteps.Review, NeutralitySteps.ToBkn, NeutralitySteps.AtPpk, NeutralitySteps.Sanctioned, NeutralitySteps.ReportedBack],
            history.Select(e => e.StepAfter));
        Assert.Equal(["penghubung.bawaslu", "penghubung.bawaslu", "penghubung.bawaslu", "penghubung.bawaslu", "pimpinan", "penghubung.pemda"], history.Select(e => e.Actor));
        Assert.Equal(NeutralitySanctions.Medium, c.Sanction);
        Assert.DoesNotContain(history, e => (e.Detail ?? "").Contains(Person, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sanction_before_the_recommendation_reaches_the_PPK_is_refused_with_a_message_and_nothing_is_written()
    {
        var c = await RecordAsync();
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.Review);
        var eventsBefore = await CountAsync("NeutralityEvents");

        var refused = await Assert.ThrowsAsync<InputException>(() => Store.MoveCaseAsync(Leader,
            new NeutralityMove(c.Id, c.Version, NeutralitySteps.Sanctioned, Guid.NewGuid(), Sanction: NeutralitySanctions.Light)));
        var skipped = await Assert.ThrowsAsync<InputException>(() => MoveAsync(Bawaslu, c, NeutralitySteps.AtPpk));

        Assert.Equal(NeutralityInput.StepOrder, refused.Key);
        Assert.Equal(NeutralityInput.StepOrder, skipped.Key);
        var after = await Store.CaseAsync(Leader, c.Id, withPersonalData: false);
        Assert.Equal((NeutralitySteps.Review, c.Version, (string?)null), (after.Step, after.Version, after.Sanction));
        Assert.Equal(eventsBefore, await CountAsync("NeutralityEvents"));
    }

    [Fact]
    public async Task A_wrong_step_is_corrected_by_a_later_event_and_the_wrong_one_stays_in_the_history()
    {
        var c = await RecordAsync();
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.Review);
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.Stopped);

        c = await Store.CorrectCaseAsync(Bawaslu, c.Id, c.Version, "Salah pilih: kajian belum selesai", Guid.NewGuid());

        Assert.Equal(NeutralitySteps.Review, c.Step);
        var history = await Store.HistoryAsync(Bawaslu, Regency, c.Id);
        Assert.Equal(["dibuat", "langkah", "langkah", "koreksi"], history.Select(e => e.Action));
        Assert.Equal(1, await CountAsync("NeutralityCases"));
    }

    [Fact]
    public async Task A_stale_version_and_a_step_of_another_role_are_refused()
    {
        var c = await RecordAsync();
        var moved = await MoveAsync(Bawaslu, c, NeutralitySteps.Review);

        var stale = await Assert.ThrowsAsync<InputException>(() => MoveAsync(Bawaslu, c with { Step = NeutralitySteps.Review }, NeutralitySteps.ToBkn));
        await Assert.ThrowsAsync<AccessDeniedException>(() => MoveAsync(Pemda, moved, NeutralitySteps.ToBkn));
        await Assert.ThrowsAsync<AccessDeniedException>(() => MoveAsync(Leader, moved, NeutralitySteps.ToBkn));

        Assert.Equal(NeutralityInput.Stale, stale.Key);
    }

    [Fact]
    public async Task A_replayed_move_writes_nothing_twice()
    {
        var c = await RecordAsync();
        var move = new NeutralityMove(c.Id, c.Version, NeutralitySteps.Review, Guid.NewGuid());

        await Store.MoveCaseAsync(Bawaslu, move);
        var again = await Store.MoveCaseAsync(Bawaslu, move);

        Assert.Equal(NeutralitySteps.Review, again.Step);
        Assert.Equal(2, await CountAsync("NeutralityEvents"));
    }

    [Theory]
    [MemberData(nameof(NotEntitled))]
    public async Task No_name_reaches_a_reader_who_is_not_entitled_through_any_store_method(string who)
    {
        var c = await RecordAsync();
        var reader = ActorFor(who);
        var texts = new List<string?>();
        try
        {
            var one = await Store.CaseAsync(reader, c.Id);
            texts.AddRange([one.PersonName, one.Nip, one.Position, one.OfficeName, one.Account]);
            Assert.False(one.HasPersonalData);
            foreach (var listed in await Store.CasesAsync(reader, Regency, withPersonalData: true, purpose: "ekspor"))
            {
                texts.AddRange([listed.PersonName, listed.Nip, listed.Position, listed.OfficeName, listed.Account]);
            }

            texts.AddRange((await Store.HistoryAsync(reader, Regency)).Select(e => e.Detail));
            texts.Add(System.Text.Json.JsonSerializer.Serialize(await Store.SummaryAsync(reader, Regency)));
        }
        catch (AccessDeniedException)
        {
            Assert.Equal("leader-elsewhere", who);
        }

        Assert.All(texts, t => Assert.True(t is null || !(t.Contains(Person, StringComparison.Ordinal) || t.Contains("199001012015031001", StringComparison.Ordinal)), t));
        Assert.Equal(0, await CountAsync("NeutralityCaseViews WHERE Viewer <> 'penghubung.bawaslu'"));
    }

    [Fact]
    public async Task Every_read_of_personal_data_is_logged_and_an_admin_lists_the_views()
    {
        var c = await RecordAsync();

        var seen = await Store.CaseAsync(Leader, c.Id);
        await Store.CasesAsync(Leader, Regency, withPersonalData: true);
        await Store.CasesAsync(Leader, Regency, withPersonalData: false);

        Assert.Equal(Person, seen.PersonName);
        var views = await Store.CaseViewsAsync(TestDatabase.Admin);
        Assert.Equal(["daftar", "detail", "detail"], views.Select(v => v.Purpose));
        Assert.Equal(["pimpinan", "pimpinan", "penghubung.bawaslu"], views.Select(v => v.Viewer));
        Assert.All(views, v => Assert.Equal(c.Id, v.CaseId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.CaseViewsAsync(Leader));
    }

    [Fact]
    public async Task Counts_roll_up_from_kecamatan_to_regency_and_province_with_the_oldest_wait_at_the_PPK_in_local_days()
    {
        for (var i = 1; i <= 14; i++)
        {
            var office = await Store.AddOfficeAsync(Pemda, Regency, $"OPD Contoh {i}", Guid.NewGuid());
            if (i <= 9)
            {
                await Store.RecordOfficeAsync(Pemda, office.Id, office.Version, new DateOnly(2024, 8, 12), i <= 5 ? new DateOnly(2024, 8, 20) : null, i <= 5 ? $"800/{i}/2024" : null, Guid.NewGuid());
            }
        }

        await Store.AddSessionAsync(Pemda, new NewNeutralitySession(Regency, new DateOnly(2024, 9, 1), "Kepala OPD", 40, null), Guid.NewGuid());
        await Store.AddSessionAsync(Bawaslu, new NewNeutralitySession(Kecamatan, new DateOnly(2024, 9, 2), "Camat dan lurah", 25, null), Guid.NewGuid());
        var first = await ToPpkAsync(await RecordAsync());
        _db.Time.Advance(TimeSpan.FromDays(21));
        await ToPpkAsync(await RecordAsync());
        await RecordAsync();

        var regency = await Store.SummaryAsync(Leader, Regency);
        var province = await Store.SummaryAsync(TestDatabase.Admin, "64");
        var kecamatan = await Store.SummaryAsync(Leader, Kecamatan);
        var elsewhere = await Store.SummaryAsync(TestDatabase.Admin, "17.71");

        Assert.Equal((14, 9, 5, 2, 65), (regency.OfficesTotal, regency.OfficesPledged, regency.OfficesWithSatgas, regency.Sessions, regency.Participants));
        Assert.Equal((3, 2, 21, 1), (regency.Cases, regency.WaitingAtPpk, regency.OldestWaitingDays, regency.PastDeadline));
        Assert.Equal(regency with { RegionCode = "64" }, province with { CasesByStep = regency.CasesByStep });
        Assert.Equal((0, 1, 25, 3), (kecamatan.OfficesTotal, kecamatan.Sessions, kecamatan.Participants, kecamatan.Cases));
        Assert.True(elsewhere.NoViolation);
        Assert.Equal(1, first.Id);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_message_and_nothing_is_written()
    {
        var good = new NewNeutralityCase(Kecamatan, Person, "199001012015031001", "Guru", "Dinas Pendidikan", NeutralityKinds.SocialMedia, NeutralitySources.Finding, new DateOnly(2024, 11, 20), "Membagikan unggahan calon.");

        Assert.Equal(NeutralityInput.NipInvalid, (await Assert.ThrowsAsync<InputException>(() => Store.RecordCaseAsync(Bawaslu, good with { Nip = "1990" }, Guid.NewGuid()))).Key);
        Assert.Equal(NeutralityInput.KindInvalid, (await Assert.ThrowsAsync<InputException>(() => Store.RecordCaseAsync(Bawaslu, good with { Kind = "x" }, Guid.NewGuid()))).Key);
        Assert.Equal(NeutralityInput.DateInvalid, (await Assert.ThrowsAsync<InputException>(() => Store.RecordCaseAsync(Bawaslu, good with { ReportedOn = new DateOnly(2024, 12, 1) }, Guid.NewGuid()))).Key);
        Assert.Equal(NeutralityInput.RegionLevel, (await Assert.ThrowsAsync<InputException>(() => Store.RecordCaseAsync(Bawaslu, good with { RegionCode = "64.02.06.2001" }, Guid.NewGuid()))).Key);
        Assert.Equal(NeutralityInput.TextInvalid, (await Assert.ThrowsAsync<InputException>(() => Store.RecordCaseAsync(Bawaslu, good with { PersonName = " " }, Guid.NewGuid()))).Key);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.RecordCaseAsync(TestDatabase.Liaison("BAWASLU", "17.71"), good, Guid.NewGuid()));

        Assert.Equal(0, await CountAsync("NeutralityCases"));
        Assert.Equal(0, await CountAsync("NeutralityEvents"));
    }

    private async Task<NeutralityCase> ToPpkAsync(NeutralityCase c)
    {
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.Review);
        c = await MoveAsync(Bawaslu, c, NeutralitySteps.ToBkn);
        return await MoveAsync(Bawaslu, c, NeutralitySteps.AtPpk);
    }

    private Task<NeutralityCase> RecordAsync() => Store.RecordCaseAsync(Bawaslu,
        new NewNeutralityCase(Kecamatan, Person, "199001012015031001", "Guru", "Dinas Pendidikan", NeutralityKinds.SocialMedia, NeutralitySources.Finding,
            new DateOnly(2024, 11, 20), "Membagikan unggahan calon."), Guid.NewGuid());

    private Task<NeutralityCase> MoveAsync(Actor actor, NeutralityCase c, string step) =>
        Store.MoveCaseAsync(actor, new NeutralityMove(c.Id, c.Version, step, Guid.NewGuid()));

    private async Task<long> CountAsync(string tableAndWhere)
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {tableAndWhere};");
    }

    public async Task InitializeAsync() => await _db.ReadyAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
