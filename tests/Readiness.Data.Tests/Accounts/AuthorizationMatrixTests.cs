using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Data.Administration;

namespace Readiness.Data.Tests.Accounts;

/// <summary>
/// Every service method that changes data, for every role, in and out of scope, own and other agency: allowed or
/// refused as the role table says. The checks are in the services, whatever a page shows or hides. Every actor is
/// made the way production makes it: a stored user through the sign-in claims factory, a screen through its token's
/// claims, then <see cref="ReadinessClaims.ToActor"/>.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string InScope = "64.02";
    private const string OutOfScope = "17.71";

    // Identity's cookie scheme name (IdentityConstants.ApplicationScheme, in the web app's framework).
    private const string AuthenticationType = "Identity.Application";
    private readonly TestDatabase _db = new();
    private int _election;

    public static TheoryData<string, string?, string, bool> ItemChanges()
    {
        var data = new TheoryData<string, string?, string, bool>();
        foreach (var region in new[] { InScope, OutOfScope })
        {
            foreach (var agency in new[] { "KPU", "POLRI" })
            {
                data.Add(Roles.Admin, null, $"{region}|{agency}", false);
                data.Add(Roles.Leader, null, $"{region}|{agency}", false);
                data.Add(Roles.Viewer, null, $"{region}|{agency}", false);
                data.Add(Roles.Screen, null, $"{region}|{agency}", false);
                // Only the KPU liaison on a KPU item in their scope may change it.
                data.Add(Roles.Liaison, "KPU", $"{region}|{agency}", region == InScope && agency == "KPU");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ItemChanges))]
    public async Task Item_status_change_follows_the_role_table(string role, string? agency, string target, bool allowed)
    {
        var (region, itemAgency) = (target.Split('|')[0], target.Split('|')[1]);
        var item = await ItemAsync(region, itemAgency);
        var actor = await SignedInAsync(role, agency);
        var change = new StatusChange(item.Id, item.Version, ItemStatus.Ready, null, Guid.NewGuid());

        if (allowed)
        {
            Assert.IsType<SaveResult.Saved>(await _db.Checklists.ChangeStatusAsync(actor, change));
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ChangeStatusAsync(actor, change));
            var after = await _db.Checklists.FindAsync(item.Id);
            Assert.Equal((item.Status, item.Version), (after!.Status, after.Version));
        }
    }

    [Fact]
    public async Task Refusals_say_why_other_agency_or_out_of_scope_or_read_only()
    {
        var kpuInScope = await ItemAsync(InScope, "KPU");
        var polriInScope = await ItemAsync(InScope, "POLRI");
        var kpuOutOfScope = await ItemAsync(OutOfScope, "KPU");
        var liaison = await SignedInAsync(Roles.Liaison, "KPU");
        var viewer = await SignedInAsync(Roles.Viewer, null);

        var otherAgency = await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ChangeStatusAsync(liaison, Change(polriInScope)));
        var outOfScope = await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ChangeStatusAsync(liaison, Change(kpuOutOfScope)));
        var readOnly = await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ChangeStatusAsync(viewer, Change(kpuInScope)));

        Assert.Equal(AccessDeniedException.NotYourAgency, otherAgency.Reason);
        Assert.Equal(AccessDeniedException.OutOfScope, outOfScope.Reason);
        Assert.Equal(AccessDeniedException.ReadOnly, readOnly.Reason);
    }

    public static TheoryData<string> NonAdminRoles() => new() { Roles.Leader, Roles.Liaison, Roles.Viewer, Roles.Screen };

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task Only_an_admin_applies_templates_creates_or_revokes_screen_tokens_and_administers_users(string role)
    {
        var actor = await SignedInAsync(role, role == Roles.Liaison ? "KPU" : null);
        var (token, _) = await _db.ScreenTokens.CreateAsync(TestDatabase.Admin, "Posko Polres Kukar", InScope);
        using var scope = _db.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var access = new UserAdministration.UserAccess(Roles.Viewer, null, [InScope]);
        var someone = await admin.CreateAsync(TestDatabase.Admin, "orang.lain", "Orang lain", "kata sandi yang panjang", access);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Checklists.ApplyTemplatesAsync(actor, _election, InScope));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.ScreenTokens.CreateAsync(actor, "Layar", InScope));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.ScreenTokens.RevokeAsync(actor, token.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.CreateAsync(actor, "baru", "Baru", "kata sandi yang panjang", access));
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.SetDisabledAsync(actor, someone.Id, true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.ResetPasswordAsync(actor, someone.Id, "kata sandi baru sekali"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.SetAccessAsync(actor, someone.Id, access with { Role = Roles.Admin }));

        Assert.NotNull(await _db.ScreenTokens.FindActiveAsync(await SecretOfNewTokenAsync()));
        Assert.True(await _db.ScreenTokens.IsActiveAsync(token.Id));
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Users WHERE UserName = 'baru';"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Users WHERE UserName = 'orang.lain' AND (IsDisabled = 1 OR Role = 'admin');"));
    }

    [Fact]
    public async Task An_admin_may_do_each_admin_action()
    {
        var (token, secret) = await _db.ScreenTokens.CreateAsync(TestDatabase.Admin, "Posko Polres Kukar", InScope);
        using var scope = _db.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = await admin.CreateAsync(TestDatabase.Admin, "lo.tni", "LO TNI", "kata sandi yang panjang",
            new UserAdministration.UserAccess(Roles.Liaison, "TNI", [InScope]));

        await admin.SetAccessAsync(TestDatabase.Admin, user.Id, new UserAdministration.UserAccess(Roles.Viewer, null, [OutOfScope]));
        await admin.SetDisabledAsync(TestDatabase.Admin, user.Id, true);
        await admin.ResetPasswordAsync(TestDatabase.Admin, user.Id, "kata sandi baru sekali");
        var applied = await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, "52.71");
        Assert.True(await _db.ScreenTokens.RevokeAsync(TestDatabase.Admin, token.Id));

        var stored = (await admin.ListAsync(TestDatabase.Admin)).Single(u => u.UserName == "lo.tni");
        Assert.Equal((Roles.Viewer, null, true), (stored.Role, stored.AgencyCode, stored.IsDisabled));
        Assert.Equal([OutOfScope], stored.Scopes);
        Assert.True(applied > 0);
        Assert.Null(await _db.ScreenTokens.FindActiveAsync(secret));
    }

    [Fact]
    public async Task A_leader_and_a_screen_see_only_their_scope()
    {
        var leader = await SignedInAsync(Roles.Leader, null);
        var (token, _) = await _db.ScreenTokens.CreateAsync(TestDatabase.Admin, "Posko", "64.02.01");
        var screen = ReadinessClaims.ToActor(ReadinessClaims.ForScreen(token, AuthenticationType))!;

        Assert.True(leader.CanSee("64.02.05"));
        Assert.False(leader.CanSee("64.03"));
        Assert.False(leader.CanSee("64")); // a province above the scope is not inside it
        Assert.True(leader.CanSetRiskLevel(InScope));
        Assert.False(leader.CanSetRiskLevel(OutOfScope));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Readiness.ForRegionAsync(leader, _election, OutOfScope));
        Assert.True(screen.CanSee("64.02.01"));
        Assert.False(screen.CanSee("64.02.02"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Get<Readiness.Data.Feed.ReadinessBoard>().ReadinessAsync(screen, _election, InScope));
    }

    // Role, agency; then: sees in scope, sees out of scope, changes a KPU item in scope, exports in scope, exports
    // out of scope, sets risk in scope, administers.
    public static TheoryData<string, string?, string> Permissions() => new()
    {
        { Roles.Admin, null, "see+ see+ change- export+ export+ risk+ admin+" },
        { Roles.Leader, null, "see+ see- change- export+ export- risk+ admin-" },
        { Roles.Liaison, "KPU", "see+ see- change+ export+ export- risk- admin-" },
        { Roles.Liaison, "POLRI", "see+ see- change- export+ export- risk- admin-" },
        { Roles.Viewer, null, "see+ see- change- export- export- risk- admin-" },
        { Roles.Screen, null, "see+ see- change- export- export- risk- admin-" },
    };

    [Theory]
    [MemberData(nameof(Permissions))]
    public async Task Every_permission_on_the_actor_production_makes_from_claims_follows_the_role_table(string role, string? agency, string expected)
    {
        var actor = await SignedInAsync(role, agency);
        bool[] asked =
        [
            actor.CanSee(InScope), actor.CanSee(OutOfScope), actor.CanChangeItem(InScope, "KPU"), actor.CanExport(InScope),
            actor.CanExport(OutOfScope), actor.CanSetRiskLevel(InScope), actor.CanAdminister,
        ];
        var names = expected.Split(' ').Select(p => p[..^1]).ToArray();

        Assert.Equal(expected, string.Join(' ', names.Zip(asked, (name, allowed) => name + (allowed ? "+" : "-"))));
        // The services refuse exactly where the actor says no.
        Assert.Equal(actor.CanExport(InScope), await AllowedAsync(() => _db.Checklists.ListForExportAsync(actor, _election, InScope)));
        Assert.Equal(actor.CanExport(OutOfScope), await AllowedAsync(() => _db.Checklists.ListForExportAsync(actor, _election, OutOfScope)));
        Assert.Equal(actor.CanSee(OutOfScope), await AllowedAsync(() => _db.Get<Readiness.Data.Feed.ReadinessBoard>().ReadinessAsync(actor, _election, OutOfScope)));
        Assert.Equal(actor.CanSee(OutOfScope), await AllowedAsync(() => _db.Get<RedFlagStore>().ForRegionAsync(actor, _election, OutOfScope)));
        Assert.Equal(actor.CanSetRiskLevel(InScope), await AllowedAsync(() => _db.Regions.SetRiskLevelAsync(actor, InScope, Readiness.Data.Regions.RiskLevel.High)));
        Assert.Equal(actor.CanAdminister, await AllowedAsync(() => _db.ScreenTokens.ListAsync(actor)));
        // The notification wing: webhooks, the outbox and its dead letters, recipients and rules are the admin's.
        Assert.Equal(actor.CanAdminister, await AllowedAsync(() => _db.Get<Readiness.Data.Notifications.WebhookStore>().ListAsync(actor)));
        Assert.Equal(actor.CanAdminister, await AllowedAsync(() => _db.Get<Readiness.Data.Notifications.DeliveryStore>().DeadLettersAsync(actor)));
        Assert.Equal(actor.CanAdminister, await AllowedAsync(() => _db.Get<Readiness.Data.Notifications.DeliveryStore>().CountsAsync(actor)));
        Assert.Equal(actor.CanAdminister, await AllowedAsync(() => _db.Get<Readiness.Data.Notifications.DeliveryStore>().RequeueAsync(actor, -1)));
        Assert.Equal(actor.CanAdminister, await AllowedAsync(() => _db.Get<Readiness.Data.Notifications.NotificationStore>().RecipientsAsync(actor)));
        Assert.Equal(actor.CanAdminister, await AllowedAsync(() => _db.Get<Readiness.Data.Notifications.EscalationRuleStore>().ListAsync(actor)));
        // An inbox is a signed-in person's own; a screen has none.
        Assert.Equal(actor.Role != Roles.Screen, await AllowedAsync(() => _db.Get<Readiness.Data.Notifications.NotificationStore>().InboxGroupsAsync(actor)));
        if (actor.Role == Roles.Liaison)
        {
            Assert.All(await _db.Checklists.ListForExportAsync(actor, _election, InScope), v => Assert.Equal(agency, v.Item.AgencyCode));
        }
    }

    // ASN neutrality, in scope: reads a case's personal data, records a case, records the PPK's sanction, keeps the OPD
    // register, records a session, exports the cases.
    public static TheoryData<string, string?, string> NeutralityPermissions() => new()
    {
        { Roles.Admin, null, "names+ record- sanction- register+ session- export+" },
        { Roles.Leader, null, "names+ record- sanction+ register- session- export+" },
        { Roles.Liaison, "BAWASLU", "names+ record+ sanction- register- session+ export+" },
        { Roles.Liaison, "PEMDA", "names- record- sanction+ register+ session+ export+" },
        { Roles.Liaison, "KPU", "names- record- sanction- register- session- export+" },
        { Roles.Liaison, "POLRI", "names- record- sanction- register- session- export+" },
        { Roles.Liaison, "TNI", "names- record- sanction- register- session- export+" },
        { Roles.Viewer, null, "names- record- sanction- register- session- export+" },
        { Roles.Screen, null, "names- record- sanction- register- session- export-" },
    };

    [Theory]
    [MemberData(nameof(NeutralityPermissions))]
    public async Task Every_neutrality_permission_follows_the_role_table_and_the_store_refuses_exactly_there(string role, string? agency, string expected)
    {
        var store = _db.Get<Readiness.Data.Neutrality.NeutralityStore>();
        var bawaslu = TestDatabase.Liaison("BAWASLU", InScope);
        var c = await store.RecordCaseAsync(bawaslu, new Readiness.Data.Neutrality.NewNeutralityCase(InScope + ".06", "ASN Contoh Matriks", "199001012015031001", "Guru",
            "Dinas Pendidikan", "media-sosial", "temuan", new DateOnly(2024, 11, 20), "Unggahan."), Guid.NewGuid());
        foreach (var step in new[] { "kajian", "rekomendasi-bkn", "rekomendasi-ppk" })
        {
            c = await store.MoveCaseAsync(bawaslu, new Readiness.Data.Neutrality.NeutralityMove(c.Id, c.Version, step, Guid.NewGuid()));
        }

        var actor = await SignedInAsync(role, agency);
        var names = (await store.CaseAsync(actor, c.Id)).HasPersonalData;
        bool[] asked =
        [
            names,
            await AllowedAsync(() => store.RecordCaseAsync(actor, new Readiness.Data.Neutrality.NewNeutralityCase(InScope, "ASN Contoh Dua", "199001012015031002", "Guru",
                "Dinas Pendidikan", "kampanye", "laporan", new DateOnly(2024, 11, 20), "Hadir."), Guid.NewGuid())),
            await AllowedAsync(() => store.MoveCaseAsync(actor, new Readiness.Data.Neutrality.NeutralityMove(c.Id, c.Version, "sanksi", Guid.NewGuid(), Sanction: "moral"))),
            await AllowedAsync(() => store.AddOfficeAsync(actor, InScope, "Dinas " + Guid.NewGuid().ToString("N")[..6], Guid.NewGuid())),
            await AllowedAsync(() => store.AddSessionAsync(actor, new Readiness.Data.Neutrality.NewNeutralitySession(InScope, new DateOnly(2024, 11, 1), "Kepala OPD", 10, null), Guid.NewGuid())),
            await AllowedAsync(() => store.ExportAsync(actor, InScope)),
        ];
        var permissions = expected.Split(' ').Select(p => p[..^1]).ToArray();

        Assert.Equal(expected, string.Join(' ', permissions.Zip(asked, (name, allowed) => name + (allowed ? "+" : "-"))));
        Assert.Equal(names, Readiness.Data.Neutrality.NeutralityRights.CanSeeCasePersonalData(actor, InScope + ".06"));
        Assert.False(Readiness.Data.Neutrality.NeutralityRights.CanSeeCasePersonalData(actor, OutOfScope) && !actor.IsAdmin);
    }

    // A kecamatan's figures, in scope unless said: sets its TPS count, sets it out of scope, sets Polri's classes, loads a
    // CSV, reads the figures and their history.
    public static TheoryData<string, string?, string> FigurePermissions() => new()
    {
        { Roles.Admin, null, "tps- tps-out- classes- csv+ read+" },
        { Roles.Leader, null, "tps- tps-out- classes- csv- read+" },
        { Roles.Liaison, "KPU", "tps+ tps-out- classes- csv- read+" },
        { Roles.Liaison, "POLRI", "tps- tps-out- classes+ csv- read+" },
        { Roles.Liaison, "BAWASLU", "tps- tps-out- classes- csv- read+" },
        { Roles.Viewer, null, "tps- tps-out- classes- csv- read+" },
        { Roles.Screen, null, "tps- tps-out- classes- csv- read+" },
    };

    [Theory]
    [MemberData(nameof(FigurePermissions))]
    public async Task Every_figure_permission_follows_the_role_table_and_the_store_refuses_exactly_there(string role, string? agency, string expected)
    {
        var store = _db.Get<Readiness.Data.Figures.FigureStore>();
        var actor = await SignedInAsync(role, agency);
        var kecamatan = InScope + ".06";
        var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"kode,tps,kurang_rawan,rawan,sangat_rawan,khusus\n{kecamatan},40,,,,\n"));
        bool[] asked =
        [
            await AllowedAsync(async () => await store.SetTpsAsync(actor, _election, kecamatan, 41, (await store.ForRegionAsync(TestDatabase.Admin, _election, kecamatan)).Version, Guid.NewGuid())),
            await AllowedAsync(() => store.SetTpsAsync(actor, _election, OutOfScope + ".01", 41, 0, Guid.NewGuid())),
            await AllowedAsync(async () => await store.SetClassesAsync(actor, _election, kecamatan, new Readiness.Data.Figures.TpsClasses(30, 8, 2, 1),
                (await store.ForRegionAsync(TestDatabase.Admin, _election, kecamatan)).Version, Guid.NewGuid())),
            await AllowedAsync(() => store.LoadCsvAsync(actor, _election, csv)),
            await AllowedAsync(async () =>
            {
                await store.ForRegionAsync(actor, _election, kecamatan);
                await store.HistoryAsync(actor, _election, InScope);
            }),
        ];
        var permissions = expected.Split(' ').Select(p => p[..^1]).ToArray();

        Assert.Equal(expected, string.Join(' ', permissions.Zip(asked, (name, allowed) => name + (allowed ? "+" : "-"))));
        Assert.Equal(asked[0], actor.CanSetFigure(kecamatan, Figure.Tps));
        Assert.Equal(asked[2], actor.CanSetFigure(kecamatan, Figure.SangatRawan));
        // Nobody reads outside their scope but an admin.
        Assert.Equal(actor.IsAdmin, await AllowedAsync(() => store.ForRegionAsync(actor, _election, OutOfScope)));
        // What was refused wrote nothing: only an allowed save leaves history.
        var history = await store.HistoryAsync(TestDatabase.Admin, _election, kecamatan);
        Assert.Equal(asked[0] || asked[2] || asked[3], history.Count > 0);
    }

    private static async Task<bool> AllowedAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The actor production makes for a person of this role with scope <see cref="InScope"/>: a stored user signed in
    /// through <see cref="ReadinessClaimsPrincipalFactory"/>, or a screen token's claims.
    /// </summary>
    public static TheoryData<string, string, bool, bool> ContactReads()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var region in new[] { InScope + ".06", OutOfScope })
        {
            var inScope = region != OutOfScope;
            data.Add(Roles.Admin, region, true, true);
            data.Add(Roles.Leader, region, inScope, inScope);
            data.Add(Roles.Liaison, region, inScope, inScope);
            data.Add(Roles.Viewer, region, inScope, inScope);
            // A screen in an operations room shows who, never a number to call.
            data.Add(Roles.Screen, region, inScope, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ContactReads))]
    public async Task Who_to_call_is_read_in_scope_and_numbers_never_reach_a_screen(string role, string region, bool allowed, bool withNumber)
    {
        var liaison = await SignedInAsync(Roles.Liaison, "POLRI");
        await _db.Get<ContactStore>().UpdateOwnAsync(liaison, new ProfileChange("Bripka Andi Saputra", "Bintara Bagian Operasional", "0812-3456-0004"));
        await _db.Get<ContactStore>().SetAgencyUnitAsync(TestDatabase.Admin, "POLRI", InScope, "Polres Kutai Kartanegara");
        var reader = await SignedInAsync(role, role == Roles.Liaison ? "KPU" : null);

        if (!allowed)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Get<ContactStore>().ForRegionAsync(reader, region, [liaison.Name]));
            return;
        }

        var contact = (await _db.Get<ContactStore>().ForRegionAsync(reader, region, [liaison.Name, "sistem"]))[liaison.Name];
        // The unit is the agency's in the item's regency: named in Kutai Kartanegara, not (yet) in Kota Bengkulu.
        Assert.Equal("Bripka Andi Saputra, Bintara Bagian Operasional" + (region == OutOfScope ? "" : ", Polres Kutai Kartanegara"), contact.Line);
        Assert.Equal(withNumber ? "6281234560004" : null, contact.Phone);
    }

    [Fact]
    public async Task A_user_edits_only_their_own_profile_and_a_screen_has_none()
    {
        var liaison = await SignedInAsync(Roles.Liaison, "KPU");
        var screen = await SignedInAsync(Roles.Screen, null);

        var own = await _db.Get<ContactStore>().UpdateOwnAsync(liaison, new ProfileChange("Siti Rahmawati", "Kasubbag Teknis", "+62 812 3456 0002"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Get<ContactStore>().UpdateOwnAsync(screen, new ProfileChange("Layar", null, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Get<ContactStore>().SetAgencyUnitAsync(liaison, "KPU", InScope, "KPU Kukar"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.Get<ContactStore>().AgencyUnitsAsync(liaison, OutOfScope));
        Assert.Empty(await _db.Get<ContactStore>().AgencyUnitsAsync(liaison, InScope));

        Assert.Equal(("Siti Rahmawati", "6281234560002"), (own.FullName, own.Phone));
        Assert.Null(await _db.Get<ContactStore>().OwnAsync(screen));
        await using var connection = await _db.Factory.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Users WHERE Phone IS NOT NULL;"));
    }

    [Fact]
    public async Task A_name_that_would_show_reversed_beside_every_change_is_refused_and_nothing_is_written()
    {
        var liaison = await SignedInAsync(Roles.Liaison, "KPU");

        var refused = await Assert.ThrowsAsync<InputException>(() =>
            _db.Get<ContactStore>().UpdateOwnAsync(liaison, new ProfileChange("Siti \u202Eiwahamar", "Kasubbag", null)));

        Assert.Equal(InputException.DirectionCharacters, refused.Key);
        Assert.NotEqual("Siti \u202Eiwahamar", (await _db.Get<ContactStore>().OwnAsync(liaison))?.FullName);
    }

    public static TheoryData<string, string?, string, bool> CoordinationChanges()
    {
        var data = new TheoryData<string, string?, string, bool>();
        foreach (var (role, agency) in new[] { (Roles.Admin, (string?)null), (Roles.Leader, null), (Roles.Viewer, null), (Roles.Screen, null),
                     (Roles.Liaison, "KPU"), (Roles.Liaison, "POLRI") })
        {
            foreach (var region in new[] { InScope, OutOfScope })
            {
                // Leaders record visits; a liaison asks for help from and declares for their own agency; all in scope only.
                data.Add(role, agency, $"visit|{region}", role == Roles.Leader && region == InScope);
                data.Add(role, agency, $"ask|{region}", agency == "KPU" && region == InScope);
                data.Add(role, agency, $"declare|{region}", agency == "KPU" && region == InScope);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CoordinationChanges))]
    public async Task Coordination_changes_follow_the_role_table(string role, string? agency, string target, bool allowed)
    {
        var (action, region) = (target.Split('|')[0], target.Split('|')[1]);
        var actor = await SignedInAsync(role, agency);
        var kpuItem = await ItemAsync(region, "KPU");
        await using (var connection = await _db.Factory.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ChecklistItems SET Status = 'kendala', Note = 'Gudang banjir' WHERE Id = @Id;", new { kpuItem.Id });
        }

        Func<Task> call = action switch
        {
            "visit" => () => _db.Get<Readiness.Data.Coordination.VisitStore>().RecordAsync(actor, new Readiness.Data.Coordination.NewVisit(_election, region,
                Readiness.Data.Coordination.VisitKind.Visit, new DateOnly(2024, 11, 19), "Tenggarong", "Pj Gubernur", null,
                [new Readiness.Data.Coordination.NewInstruction("TNI", region, "Dua perahu", new DateOnly(2024, 11, 25))]), Guid.NewGuid()),
            "ask" => () => _db.Get<Readiness.Data.Coordination.HelpRequestStore>().AskAsync(actor,
                new Readiness.Data.Coordination.NewHelpRequest(kpuItem.Id, "TNI", "Perahu karet"), Guid.NewGuid()),
            _ => () => _db.Get<Readiness.Data.Coordination.DeclarationStore>().DeclareAsync(actor, new Readiness.Data.Coordination.NewDeclaration(_election,
                region, "KPU", Readiness.Data.Coordination.DeclarationMoment.QuietPeriod, "Ketua KPU", "Ketua", null), Guid.NewGuid()),
        };

        if (allowed)
        {
            await call();
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(call);
            await using var connection = await _db.Factory.OpenAsync();
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT (SELECT COUNT(*) FROM CoordinationEvents) + (SELECT COUNT(*) FROM ChecklistItems WHERE Origin IS NOT NULL);"));
        }
    }

    public static TheoryData<string, string?, string, bool> SituationChanges()
    {
        var data = new TheoryData<string, string?, string, bool>();
        foreach (var region in new[] { InScope + ".06", OutOfScope })
        {
            var inScope = region != OutOfScope;
            foreach (var action in new[] { "level", "record", "mark" })
            {
                var target = $"{region}|{action}";
                data.Add(Roles.Admin, null, target, true);
                data.Add(Roles.Leader, null, target, inScope);
                data.Add(Roles.Viewer, null, target, false);
                data.Add(Roles.Screen, null, target, false);
                // The estimate: Polri and Pemda liaisons; incidents: any liaison; significance: the Polri liaison.
                data.Add(Roles.Liaison, "POLRI", target, inScope);
                data.Add(Roles.Liaison, "PEMDA", target, inScope && action != "mark");
                data.Add(Roles.Liaison, "KPU", target, inScope && action == "record");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SituationChanges))]
    public async Task Situation_and_incident_changes_follow_the_role_table(string role, string? agency, string target, bool allowed)
    {
        var (region, action) = (target.Split('|')[0], target.Split('|')[1]);
        var actor = await SignedInAsync(role, agency);
        var situations = _db.Get<Readiness.Data.Situation.SituationStore>();
        var incidents = _db.Get<Readiness.Data.Situation.IncidentStore>();
        var existing = ((Readiness.Data.Situation.IncidentSaveResult.Saved)await incidents.RecordAsync(TestDatabase.Admin, new Readiness.Data.Situation.NewIncident
        {
            RegionCode = region, Place = "TPS 01", OccurredAtLocal = new DateTime(2024, 11, 23, 9, 0, 0), Kind = "bentrok", Severity = "sedang",
            ReportingAgency = "POLRI", OperationId = Guid.NewGuid(),
        })).Incident;
        Func<Task<object>> act = action switch
        {
            "level" => async () => await situations.SetAsync(actor, new Readiness.Data.Situation.SituationInput(region, "ag", "Gesekan", 0, Guid.NewGuid())),
            "record" => async () => await incidents.RecordAsync(actor, new Readiness.Data.Situation.NewIncident
            {
                RegionCode = region, Place = "TPS 02", OccurredAtLocal = new DateTime(2024, 11, 23, 9, 0, 0), Kind = "demonstrasi", Severity = "ringan",
                ReportingAgency = agency ?? "PEMDA", OperationId = Guid.NewGuid(),
            }),
            _ => async () => await incidents.MarkSignificantAsync(actor, existing.Id, existing.Version, Guid.NewGuid()),
        };

        if (allowed)
        {
            var result = await act();
            Assert.True(result is Readiness.Data.Situation.SituationSaveResult.Saved or Readiness.Data.Situation.IncidentSaveResult.Saved, result.ToString());
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(act);
            Assert.Empty(await situations.HistoryAsync(TestDatabase.Admin, region));
            Assert.Single(await incidents.ListAsync(TestDatabase.Admin, region));
            Assert.False((await incidents.FindAsync(TestDatabase.Admin, existing.Id))!.IsSignificant);
        }
    }

    private async Task<Actor> SignedInAsync(string role, string? agency)
    {
        if (role == Roles.Screen)
        {
            var (token, _) = await _db.ScreenTokens.CreateAsync(TestDatabase.Admin, "Layar " + Guid.NewGuid().ToString("N")[..6], InScope);
            return ReadinessClaims.ToActor(ReadinessClaims.ForScreen(token, AuthenticationType))!;
        }

        using var scope = _db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = await admin.CreateAsync(TestDatabase.Admin, $"{role}.{agency ?? "x"}.{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant(),
            role, "kata sandi yang panjang", new UserAdministration.UserAccess(role, agency, role == Roles.Admin ? [] : [InScope]));
        var principal = await new ReadinessClaimsPrincipalFactory(users, Options.Create(new IdentityOptions())).CreateAsync(user);
        return ReadinessClaims.ToActor(principal)!;
    }

    private async Task<string> SecretOfNewTokenAsync() =>
        (await _db.ScreenTokens.CreateAsync(TestDatabase.Admin, "Cek", InScope)).Secret;

    private static StatusChange Change(ChecklistItem item) => new(item.Id, item.Version, ItemStatus.Ready, null, Guid.NewGuid());

    private async Task<ChecklistItem> ItemAsync(string region, string agency)
    {
        await using var connection = await _db.Factory.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "SELECT MIN(Id) FROM ChecklistItems WHERE RegionCode = @region AND AgencyCode = @agency;", new { region, agency });
        return (await _db.Checklists.FindAsync(id))!;
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, InScope);
        await _db.Checklists.ApplyTemplatesAsync(TestDatabase.Admin, _election, OutOfScope);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
