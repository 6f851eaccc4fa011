using System.Data;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Elections;
using Readiness.Data.Feed;
using Readiness.Data.Neutrality;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Xunit.Abstractions;
using Readiness.Data.Shared;

namespace Readiness.Data.SqlServer.Tests;

/// <summary>
/// Every statement the data layer sends to SQL Server, checked without a server: parsed by SQL Server's own T-SQL
/// parser (ScriptDom, TSql160) and bound by its schema model (DacFx) built from the migrations in database/sqlserver.
/// </summary>
public sealed class SqlServerStatementsTests(ITestOutputHelper output)
{
    private static readonly Actor Admin = new() { Name = "admin", Role = Roles.Admin, UserId = 1 };
    private static readonly Actor NeutralityBawaslu = new() { Name = "penghubung.bawaslu", Role = Roles.Liaison, AgencyCode = "BAWASLU", Scopes = ["64.02"] };
    private static readonly Actor Liaison = new() { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = ["64.02"] };
    private static readonly Actor Leader = new() { Name = "pimpinan", Role = Roles.Leader, Scopes = ["64.02"] };

    [Fact]
    public void Every_migration_script_parses_as_TSql160()
    {
        foreach (var file in Migrations.Files())
        {
            var errors = Migrations.Parse(File.ReadAllText(file), out _);
            Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: " + string.Join("; ", errors.Select(e => $"line {e.Line}, col {e.Column}: {e.Message}")));
        }
    }

    [Fact]
    public async Task Every_statement_the_stores_send_parses_and_binds_to_the_schema_with_zero_errors()
    {
        var statements = (await CaptureAsync()).DistinctBy(s => s.Sql).ToList();
        Assert.True(statements.Count > 30, $"only {statements.Count} statements captured");

        var parseErrors = new List<string>();
        foreach (var statement in statements)
        {
            parseErrors.AddRange(Migrations.Parse(statement.Sql, out _).Select(e => $"{e.Message} in: {statement.Sql}"));
        }

        Assert.True(parseErrors.Count == 0, string.Join("\n", parseErrors));

        using var model = Migrations.BuildModel();
        for (var i = 0; i < statements.Count; i++)
        {
            model.AddOrUpdateObjects(AsProcedure(i, statements[i]), $"statement{i}.sql", new TSqlObjectOptions());
        }

        var bindErrors = model.Validate()
            .Where(m => m.MessageType == DacMessageType.Error)
            .Select(m => m.ToString())
            .ToList();

        output.WriteLine($"SQL Server: {statements.Count} statements parsed, {statements.Count - CountFailed(bindErrors, statements.Count)} bound to the schema, {parseErrors.Count + bindErrors.Count} errors");
        Assert.True(parseErrors.Count == 0, string.Join("\n", parseErrors));
        Assert.True(bindErrors.Count == 0, string.Join("\n", bindErrors) + "\n" + string.Join("\n---\n", statements.Select((s, i) => $"statement{i}: {s.Sql}")));
    }

    [Fact]
    public void The_schema_model_refuses_a_statement_that_names_a_missing_column()
    {
        using var model = Migrations.BuildModel();
        model.AddOrUpdateObjects("CREATE PROCEDURE dbo.Broken AS BEGIN SELECT i.NoSuchColumn FROM dbo.ChecklistItems i; END", "broken.sql",
            new TSqlObjectOptions());

        Assert.Contains(model.Validate(), m => m.MessageType == DacMessageType.Error && m.Number == 71501 && m.Message.Contains("NoSuchColumn"));
    }

    [Fact]
    public void Every_region_code_column_compares_in_code_point_order_by_a_binary_collation()
    {
        using var model = Migrations.BuildModel();
        var referencing = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.ForeignKeyConstraint)
            .Where(fk => fk.GetReferenced(Microsoft.SqlServer.Dac.Model.ForeignKeyConstraint.ForeignTable).Single().Name.Parts[^1] == "Regions")
            .SelectMany(fk => fk.GetReferenced(Microsoft.SqlServer.Dac.Model.ForeignKeyConstraint.Columns))
            .ToList();

        // Regions.Code and ParentCode, every column a foreign key points from at Regions, and every other column named
        // as one (the event and escalation copies, which carry no key).
        var codeColumns = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table)
            .SelectMany(t => t.GetReferenced(Table.Columns))
            .Where(c => c.Name.Parts[^1].EndsWith("RegionCode", StringComparison.Ordinal)
                || (c.Name.Parts[1] == "Regions" && c.Name.Parts[^1] is "Code" or "ParentCode")
                || referencing.Any(r => r.Name.ToString() == c.Name.ToString()))
            .ToList();

        Assert.True(codeColumns.Count >= 8, "region-code columns found: " + string.Join(", ", codeColumns.Select(c => c.Name)));
        Assert.Superset(referencing.Select(c => c.Name.ToString()).ToHashSet(), codeColumns.Select(c => c.Name.ToString()).ToHashSet());
        var others = codeColumns.Where(c => c.GetProperty<string>(Column.Collation) != "Latin1_General_BIN2")
            .Select(c => $"{c.Name}: {c.GetProperty<string>(Column.Collation) ?? "the database default"}")
            .ToList();
        Assert.True(others.Count == 0,
            "the subtree range [code, code + '/') needs code-point order, which only a binary collation keeps:\n" + string.Join("\n", others));
    }

    [Fact]
    public void The_collation_migration_puts_back_every_key_and_index_it_drops()
    {
        static List<string> KeysAndIndexes(TSqlModel model) =>
            new[] { ModelSchema.PrimaryKeyConstraint, ModelSchema.ForeignKeyConstraint, ModelSchema.UniqueConstraint, ModelSchema.Index }
                .SelectMany(type => model.GetObjects(DacQueryScopes.UserDefined, type))
                .Select(o => $"{o.ObjectType.Name} {o.Name}: " + string.Join(", ",
                    o.GetReferencedRelationshipInstances(DacQueryScopes.UserDefined).Select(r => r.ObjectName.ToString()).Order(StringComparer.Ordinal)))
                .Order(StringComparer.Ordinal)
                .ToList();

        using var before = Migrations.BuildModel(before: "0007_");
        // Up to the collation migration only: later migrations add keys of their own.
        using var after = Migrations.BuildModel(before: "0008_");

        var expected = KeysAndIndexes(before);
        Assert.Contains(expected, k => k.Contains("PK_Regions", StringComparison.Ordinal));
        Assert.Equal(expected, KeysAndIndexes(after));
    }

    [Fact]
    public async Task Every_SQL_text_in_the_data_layer_is_among_the_statements_checked()
    {
        var sent = (await CaptureAsync()).Select(s => Normalize(s.Sql)).ToList();
        var uncovered = SqlLiterals().Where(literal => !sent.Any(s => s.Contains(Normalize(literal), StringComparison.Ordinal))).ToList();

        Assert.True(uncovered.Count == 0,
            "SQL in Readiness.Data that no checked call sends on SQL Server; call the method that sends it in CaptureAsync:\n" + string.Join("\n---\n", uncovered));
    }

    /// <summary>Every string literal of the data assembly that starts a statement (the #US heap holds them all).</summary>
    private static IEnumerable<string> SqlLiterals()
    {
        using var stream = File.OpenRead(typeof(ConnectionFactory).Assembly.Location);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var handle = System.Reflection.Metadata.Ecma335.MetadataTokens.UserStringHandle(1);
        var literals = new List<string>();
        while (!handle.IsNil)
        {
            var text = reader.GetUserString(handle);
            var start = text.TrimStart();
            if (StatementStart.Any(k => start.StartsWith(k, StringComparison.Ordinal)) && !SqliteOnly.Any(s => start.Contains(s, StringComparison.Ordinal)))
            {
                literals.Add(text);
            }

            handle = System.Reflection.Metadata.Ecma335.MetadataReaderExtensions.GetNextHandle(reader, handle);
        }

        return literals;
    }

    private static readonly string[] StatementStart = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "WITH ", "MERGE "];

    // Sent only to SQLite (its dialect, its pragmas) or by the migration runner, which the migration tests cover.
    private static readonly string[] SqliteOnly = ["last_insert_rowid", "SchemaJournal", "PRAGMA", "sqlite_", "randomblob"];

    // Whitespace aside; Dapper sends "IN @list" as "IN (@list1, @list2)".
    private static string Normalize(string sql) => System.Text.RegularExpressions.Regex.Replace(
        string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), @"IN \((@[A-Za-z]+)1(,\s*@[A-Za-z]+[0-9]+)*\)", "IN $1");

    [Fact]
    public void The_feed_reads_only_below_the_oldest_open_transaction_by_the_parsed_syntax_tree()
    {
        var sql = $"SELECT {SqlServerDialect.Instance.SafeEventBound};";
        Assert.Empty(Migrations.Parse(sql, out var tree));
        var visitor = new BoundVisitor();
        tree!.Accept(visitor);

        // RowVer >= MIN_ACTIVE_ROWVERSION(): a row at the bound may belong to a transaction still open, so it must
        // be among the ones the feed waits for; '>' would let the feed pass it and lose the event forever.
        var comparison = Assert.Single(visitor.Comparisons, c => c.SecondExpression is FunctionCall f
            && f.FunctionName.Value.Equals("MIN_ACTIVE_ROWVERSION", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(BooleanComparisonType.GreaterThanOrEqualTo, comparison.ComparisonType);
        Assert.Equal("RowVer", Assert.IsType<ColumnReferenceExpression>(comparison.FirstExpression).MultiPartIdentifier.Identifiers[^1].Value);
        Assert.Contains(visitor.Hints, h => h == TableHintKind.ReadUncommitted);
    }

    private static int CountFailed(IReadOnlyList<string> errors, int statements) =>
        Enumerable.Range(0, statements).Count(i => errors.Any(e => e.Contains($"[Statement{i}]", StringComparison.OrdinalIgnoreCase)));

    private static string AsProcedure(int index, RecordedStatement statement)
    {
        var parameters = statement.Parameters
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"@{p.Name} {SqlType(p.Type, p.Size)}");
        return $"CREATE PROCEDURE dbo.Statement{index}\n{string.Join(",\n", parameters)}\nAS\nBEGIN\n{statement.Sql}\nEND";
    }

    private static string SqlType(SqlDbType type, int size) => type switch
    {
        SqlDbType.NVarChar => size is > 0 and <= 4000 ? $"nvarchar({size})" : "nvarchar(max)",
        SqlDbType.VarChar => size is > 0 and <= 8000 ? $"varchar({size})" : "varchar(max)",
        SqlDbType.DateTime2 => "datetime2(3)",
        SqlDbType.Udt or SqlDbType.Structured or SqlDbType.Variant => "sql_variant",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Runs each store's public methods with the SqlServer dialect against a recording connection.</summary>
    private static async Task<List<RecordedStatement>> CaptureAsync()
    {
        var log = new List<RecordedStatement>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Readiness"] = "Server=recording;Database=Readiness",
            ["Push:PublicKey"] = "BHkY9EVoGfjlDqEL5pbA0ZJUoz4SHSl8KL5oSmlIsgJ7QFvLNHb6DbBwW1uomOu8Ge2d6Wrs4hqlAjMlZYfvEZg",
            ["Push:PrivateKey"] = "not-a-real-key-the-statements-are-only-recorded",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero)));
        services.AddReadinessData(configuration);
        services.AddSingleton(new ConnectionFactory(DatabaseProvider.SqlServer, () => new RecordingConnection(log, Scalar, Rows)));
        await using var provider = services.BuildServiceProvider();
        T Get<T>()
            where T : notnull => provider.GetRequiredService<T>();

        var calls = new List<Func<Task>>
        {
            () => Get<RegionStore>().FindAsync("64.02"),
            () => Get<RegionStore>().ChildrenAsync("64.02"),
            () => Get<RegionStore>().ChildrenAsync(null),
            () => Get<RegionStore>().FindManyAsync(["64.02", "17.71"]),
            () => Get<RegionStore>().CountByLevelAsync(),
            () => Get<RegionStore>().SearchAsync("kutai"),
            () => Get<RegionStore>().SetRiskLevelAsync(Admin, "64.02", RiskLevel.High),
            () => Get<RegionStore>().RiskLevelsAsync(),
            () => Get<ElectionStore>().AllAsync(),
            () => Get<ElectionStore>().StagesAsync(1),
            () => Get<ChecklistStore>().FindAsync(1),
            () => Get<ChecklistStore>().ApplyTemplatesAsync(Admin, 1, "64.02"),
            () => Get<ChecklistStore>().ChangeStatusAsync(Liaison, new StatusChange(1, 1, ItemStatus.Ready, null, Guid.NewGuid())),
            () => Get<ChecklistStore>().FindViewAsync(Admin, 1),
            () => Get<ChecklistStore>().ListForLiaisonAsync(Liaison, 1, ItemStatus.Blocked),
            () => Get<ChecklistStore>().ListForExportAsync(Admin, 1, "64.02"),
            () => Get<ChecklistStore>().HistoryAsync(Admin, 1),
            () => Get<EvidenceStore>().AddAsync(Liaison, 1, "segel.png", EvidencePng(), Guid.NewGuid()),
            () => Get<EvidenceStore>().ListAsync(Admin, 1),
            () => Get<EvidenceStore>().ReadAsync(Admin, 1, thumbnail: true),
            () => Get<EvidenceStore>().RemoveAsync(Admin, 1),
            () => Get<EvidenceStore>().CountsAsync([1L, 2L]),
            () => Get<EvidenceStore>().CountUnderAsync(Admin, 1, "64.02"),
            () => Get<Readiness.Data.Figures.FigureStore>().ForRegionAsync(Admin, 1, "64.02.06"),
            () => Get<Readiness.Data.Figures.FigureStore>().ForRegionAsync(Admin, 1, "64.02"),
            () => Get<Readiness.Data.Figures.FigureStore>().HistoryAsync(Admin, 1, "64.02"),
            () => Get<Readiness.Data.Figures.FigureStore>().SetTpsAsync(Liaison, 1, "64.02.06", 47, 1, Guid.NewGuid()),
            () => Get<Readiness.Data.Figures.FigureStore>().SetClassesAsync(Liaison with { Name = "penghubung.polri", AgencyCode = "POLRI" }, 1, "64.02.06",
                new Readiness.Data.Figures.TpsClasses(30, 10, 4, 1), 1, Guid.NewGuid()),
            () => Get<Readiness.Data.Figures.FigureStore>().LoadCsvAsync(Admin, 1,
                new MemoryStream("kode,tps,kurang_rawan,rawan,sangat_rawan,khusus\n64.02.06,45,30,10,4,1\n"u8.ToArray())),
            () => Get<ChecklistStore>().AddItemAsync(Liaison, new NewItem(1, "64.02", 1, "Butir", new DateOnly(2024, 11, 20), Criticality.Normal), Guid.NewGuid()),
            () => Get<ReadinessStore>().ForRegionAsync(Admin, 1, "64.02"),
            () => Get<ReadinessStore>().NumbersAsync(Admin, 1, "64.02"),
            () => Get<ContactStore>().ForRegionAsync(Admin, "64.02.06", ["penghubung.polri"]),
            () => Get<ContactStore>().OwnAsync(Admin),
            () => Get<ContactStore>().UpdateOwnAsync(Admin, new ProfileChange("Nama", "Jabatan", "081234567890")),
            () => Get<ContactStore>().SetAgencyUnitAsync(Admin, "POLRI", "64.02", "Polres Kutai Kartanegara"),
            () => Get<ContactStore>().AgencyUnitsAsync(Admin, "64.02"),
            () => Get<ContactStore>().SeedProfileAsync("penghubung.polri", "Bripka Andi Saputra", "Bintara", "081234560004"),
            () => Get<ReadinessStore>().RegenciesWithItemsAsync(Admin, 1),
            () => Get<RedFlagStore>().ForRegionAsync(Admin, 1, "64.02"),
            () => Get<RedFlagStore>().ForRegionAsync(Admin, 1, ""),
            () => Get<FeedStore>().StartAsync(default),
            () => Get<FeedStore>().ReadAsync(0, default),
            () => Get<FeedStore>().ReadRangeAsync(0, 10, 1, "64.02", default),
            () => Get<FeedStore>().ReadRangeAsync(0, 10, 1, null, default),
            () => Get<FeedStore>().RecentAsync(Admin, "64.02", 8, new DateTime(2024, 11, 23, 0, 0, 0, DateTimeKind.Utc)),
            () => Get<FeedStore>().CountRecentAsync(Admin, "64.02", new DateTime(2024, 11, 23, 0, 0, 0, DateTimeKind.Utc)),
            () => Get<ReadinessBoard>().ReadinessAsync(Admin, 1, "64.02"),
            () => Get<ReadinessBoard>().ReadinessAsync(Admin, 1, "64"),
            () => Get<ScreenTokenStore>().CreateAsync(Admin, "Layar", "64.02"),
            () => Get<ScreenTokenStore>().RevokeAsync(Admin, 1),
            () => Get<ScreenTokenStore>().ListAsync(Admin),
            () => Get<ScreenTokenStore>().FindActiveAsync("rahasia"),
            () => Get<ScreenTokenStore>().IsActiveAsync(1),
            () => Get<UserStore>().CreateAsync(new AppUser { UserName = "a", NormalizedUserName = "A", Scopes = ["64.02"] }, default),
            () => Get<UserStore>().UpdateAsync(new AppUser { Id = 1, UserName = "a", NormalizedUserName = "A", Scopes = ["64.02"] }, default),
            () => Get<UserStore>().DeleteAsync(new AppUser { Id = 1 }, default),
            () => Get<UserStore>().FindByIdAsync("1", default),
            () => Get<UserStore>().FindByNameAsync("A", default),
            () => Get<UserStore>().ListAsync(),
            () => Get<UserStore>().AnyAdminAsync(),
            () => Get<Readiness.Data.Seed.ReferenceSeeder>().SeedAsync(),
            () => Get<RedFlagStore>().KindsAsync(1, "64.02", new DateTime(2024, 11, 23, 0, 0, 0, DateTimeKind.Utc)),
            () => Get<Readiness.Data.Seed.DemoSeeder>().SeedAsync(),
            // Its own look for the pre-DbUp journal; DbUp's statements are DbUp's.
            () => Get<DatabaseMigrator>().PendingAsync(),
            () => Get<TaskQuery>().ListAsync(Liaison, 1, new TaskFilter()),
            () => Get<TaskQuery>().ListAsync(Liaison, 1, new TaskFilter { View = TaskView.All, Region = "64.02.06", StageId = 1, Status = ItemStatus.Blocked, Due = DueWindow.Overdue, Text = "logistik tenggarong" }),
            () => Get<TaskQuery>().GroupsAsync(Liaison, 1, new TaskFilter()),
            () => Get<TaskQuery>().RegionsAsync(Liaison, 1),
            () => Get<RedFlagStore>().OverdueByChildAsync(Admin, 1, "64.02"),
            () => Get<EscalationEngine>().RunOnceAsync(),
            () => Get<EscalationRuleStore>().ListAsync(Admin),
            () => Get<EscalationRuleStore>().UpdateAsync(Admin, new EscalationRule { Id = 1, Code = "kendala-24j", Kind = EscalationKinds.Blocked, Name = "Kendala", RecipientRole = Roles.Leader, Version = 1 }),
            () => Get<DeliveryStore>().ClaimAsync("server-1", 10, TimeSpan.FromMinutes(5)),
            () => Get<DeliveryStore>().MarkSentAsync(1, 1),
            () => Get<DeliveryStore>().MarkFailedAsync(1, 1, "503", TimeSpan.FromMinutes(1), 8, permanent: false),
            () => Get<DeliveryStore>().DeadLettersAsync(Admin),
            () => Get<DeliveryStore>().RequeueAsync(Admin, 1),
            () => Get<DeliveryStore>().CountsAsync(Admin),
            () => Get<DeliveryStore>().ClaimAsync("server-1", 10, TimeSpan.FromMinutes(5), [1, 2], skipEmail: true),
            () => Get<DeliveryStore>().ReleaseAsync("server-1", [1L, 2L], TimeSpan.FromMinutes(1)),
            () => Get<DeliveryStore>().LastMailFailureAsync(Admin),
            () => Get<NotificationStore>().InboxAsync(Admin),
            () => Get<NotificationStore>().FindAsync(Admin, 1),
            () => Get<NotificationStore>().UnreadCountAsync(Admin),
            () => Get<NotificationStore>().InboxGroupsAsync(Leader with { UserId = 2 }),
            () => Get<NotificationStore>().UnreadGroupCountAsync(Leader with { UserId = 2 }),
            () => Get<NotificationStore>().GroupAsync(Leader with { UserId = 2 }, new InboxGroupKey(1, "64.02", new DateOnly(2026, 12, 7))),
            () => Get<NotificationStore>().GroupAsync(Leader with { UserId = 2 }, new InboxGroupKey(3, null, new DateOnly(2026, 12, 7))),
            () => Get<NotificationStore>().MarkGroupReadAsync(Leader with { UserId = 2 }, new InboxGroupKey(1, "64.02", new DateOnly(2026, 12, 7))),
            () => Get<NotificationStore>().MarkReadAsync(Admin, 1),
            () => Get<NotificationStore>().MarkAllReadAsync(Admin),
            () => Get<NotificationStore>().EscalatedAsync(Admin, [1L, 2L]),
            () => Get<NotificationStore>().EscalatedUnderAsync(Admin, "64.02"),
            () => Get<NotificationStore>().RecipientsAsync(Admin),
            () => Get<NotificationStore>().SetEmailAsync(Admin, 1, "sekda@example.go.id"),
            () => Get<NotificationPump>().InitializeAsync(default),
            () => Get<NotificationPump>().DrainAsync(default),
            () => Get<WebhookStore>().ListAsync(Admin),
            () => Get<WebhookStore>().AddAsync(Admin, "Gateway", "https://gateway.example/hook", "rahasia-panjang-sekali"),
            () => Get<WebhookStore>().SetEnabledAsync(Admin, 1, false),
            () => Get<WebhookStore>().DeleteAsync(Admin, 1),
            () => Get<Readiness.Data.Push.PushSubscriptionStore>().SaveAsync(Admin, "https://fcm.googleapis.com/fcm/send/abc",
                "BHkY9EVoGfjlDqEL5pbA0ZJUoz4SHSl8KL5oSmlIsgJ7QFvLNHb6DbBwW1uomOu8Ge2d6Wrs4hqlAjMlZYfvEZg", "q1xLkOGDKV7uZ0pJvmXh_A", "Chrome"),
            () => Get<Readiness.Data.Push.PushSubscriptionStore>().RemoveAsync(Admin, "https://fcm.googleapis.com/fcm/send/abc"),
            () => Get<Readiness.Data.Push.PushSubscriptionStore>().CountAsync(Admin),
            () => Get<Readiness.Data.Push.PushSubscriptionStore>().ForUserAsync(1),
            () => Get<Readiness.Data.Push.PushSubscriptionStore>().MarkSuccessAsync(1),
            () => Get<Readiness.Data.Push.PushSubscriptionStore>().MarkFailureAsync(1),
            () => Get<Readiness.Data.Push.PushSubscriptionStore>().DeleteAsync(1),
            () => Get<Readiness.Data.Situation.SituationStore>().SetAsync(Admin, new("64.02.06", "ag", "Gesekan", 1, Guid.NewGuid())),
            () => Get<Readiness.Data.Situation.SituationStore>().SetAsync(Admin, new("64.02.06", "ag", "Gesekan", 0, Guid.NewGuid())),
            () => Get<Readiness.Data.Situation.SituationStore>().HistoryAsync(Admin, "64.02"),
            () => Get<Readiness.Data.Situation.SituationStore>().SubtreeAsync(Admin, "64.02"),
            () => Get<Readiness.Data.Situation.SituationStore>().WorstByChildAsync(Admin, "64"),
            () => Get<Readiness.Data.Situation.IncidentStore>().RecordAsync(Admin, new() { RegionCode = "64.02.06", Place = "TPS 1", OccurredAtLocal = new DateTime(2024, 11, 23, 9, 0, 0), Kind = "bentrok", Severity = "berat", ReportingAgency = "POLRI", OperationId = Guid.NewGuid() }),
            () => Get<Readiness.Data.Situation.IncidentStore>().ChangeStatusAsync(Admin, new(1, 1, "selesai", "Selesai", ["POLRI"], Guid.NewGuid())),
            () => Get<Readiness.Data.Situation.IncidentStore>().MarkSignificantAsync(Admin, 1, 1, Guid.NewGuid()),
            () => Get<Readiness.Data.Situation.IncidentStore>().LinkItemAsync(Admin, 1, 1, Guid.NewGuid()),
            () => Get<Readiness.Data.Situation.IncidentStore>().HistoryAsync(Admin, 1),
            () => Get<Readiness.Data.Situation.IncidentStore>().ItemsOfAsync(Admin, 1),
            () => Get<Readiness.Data.Situation.IncidentStore>().IncidentsOfItemAsync(Admin, 1),
            () => Get<Readiness.Data.Situation.IncidentStore>().ListAsync(Admin, "64.02", openOnly: true, sinceUtc: new DateTime(2024, 11, 16, 0, 0, 0, DateTimeKind.Utc)),
            () => Get<Readiness.Data.Situation.IncidentStore>().HeadlinesAsync(Admin, "64.02"),
            () => Get<Readiness.Data.Situation.IncidentStore>().CountsAsync(Admin, "64.02", 1),
            () => Get<Readiness.Data.Situation.IncidentStore>().LinkCandidatesAsync(Admin, 1),
            () => Get<Readiness.Data.Situation.SituationSeeder>().SeedAsync(),
            () => Get<Readiness.Data.Keys.DataProtectionKeyStore>().AllAsync(),
            () => Get<Readiness.Data.Keys.DataProtectionKeyStore>().AddAsync("key-3f2c", "<key id=\"3f2c\" version=\"1\" />"),
            () => ActingAdmin.RequireAsync(Get<ConnectionFactory>(), Admin, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "list users"),
            () => Get<NeutralityStore>().SummaryAsync(Admin, "64.02"),
            () => Get<NeutralityStore>().OfficesAsync(Admin, "64.02"),
            () => Get<NeutralityStore>().AddOfficeAsync(Admin, "64.02", "Dinas Pendidikan", Guid.NewGuid()),
            () => Get<NeutralityStore>().RecordOfficeAsync(Admin, 1, 1, new DateOnly(2024, 8, 12), new DateOnly(2024, 8, 20), "800/1/2024", Guid.NewGuid()),
            () => Get<NeutralityStore>().SessionsAsync(Admin, "64.02"),
            () => Get<NeutralityStore>().AddSessionAsync(NeutralityBawaslu, new NewNeutralitySession("64.02", new DateOnly(2024, 9, 1), "Kepala OPD", 40, null), Guid.NewGuid()),
            () => Get<NeutralityStore>().RecordCaseAsync(NeutralityBawaslu, new NewNeutralityCase("64.02", "ASN Contoh 1", "199001012015031001", "Guru", "Dinas Pendidikan",
                NeutralityKinds.SocialMedia, NeutralitySources.Finding, new DateOnly(2024, 11, 20), "Unggahan"), Guid.NewGuid()),
            () => Get<NeutralityStore>().MoveCaseAsync(NeutralityBawaslu, new NeutralityMove(1, 1, NeutralitySteps.ToBkn, Guid.NewGuid())),
            () => Get<NeutralityStore>().CorrectCaseAsync(NeutralityBawaslu, 1, 1, "Salah langkah", Guid.NewGuid()),
            () => Get<NeutralityStore>().CaseAsync(Admin, 1),
            () => Get<NeutralityStore>().CasesAsync(Admin, "64.02", NeutralitySteps.AtPpk, withPersonalData: true),
            () => Get<NeutralityStore>().HistoryAsync(Admin, "64.02", 1),
            () => Get<NeutralityStore>().CaseViewsAsync(Admin),
            () => provider.GetServices<IEscalationSweep>().OfType<NeutralitySweep>().Single().SweepAsync(new DateTime(2024, 11, 23, 3, 0, 0, DateTimeKind.Utc), default),
            () => Get<ActivityLog>().StartAsync(default),
            () => Get<ActivityLog>().ReadAsync(0, default),
            () => InTransactionAsync(Get<ConnectionFactory>(), (c, t) => ActivityLog.AppendAsync(c, t, new ActivityEntry
            {
                RegionCode = "64.02", Kind = ActivityKinds.Kamtibmas, SubjectId = 1, Actor = "a", AtUtc = new DateTime(2024, 11, 23, 3, 0, 0, DateTimeKind.Utc),
                OperationId = Guid.NewGuid(),
            })),
            () => InTransactionAsync(Get<ConnectionFactory>(), (c, t) => Get<NoticeWriter>().NotifyAsync(c, t, new DomainNotice
            {
                Kind = EscalationKinds.Kamtibmas, RegionCode = "64.02", Subject = "Kamtibmas: ambang gangguan", Link = "wilayah/64.02", DedupKey = "kamtibmas:1",
            })),
            () => Get<Readiness.Data.Coordination.VisitStore>().RecordAsync(Leader, new Readiness.Data.Coordination.NewVisit(1, "64.02",
                Readiness.Data.Coordination.VisitKind.Visit, new DateOnly(2024, 11, 19), "Tenggarong", "Pj Gubernur, Pjs Bupati", null,
                [new Readiness.Data.Coordination.NewInstruction("TNI", "64.02.06", "Dua perahu ke Muara Kaman", new DateOnly(2024, 11, 25))]), Guid.NewGuid()),
            () => Get<Readiness.Data.Coordination.VisitStore>().FindAsync(Admin, 1),
            () => Get<Readiness.Data.Coordination.VisitStore>().ListAsync(Admin, 1, "64.02"),
            () => Get<Readiness.Data.Coordination.VisitStore>().OpenUnderAsync(Admin, 1, "64.02"),
            () => Get<Readiness.Data.Coordination.VisitStore>().OpenCountsAsync(Admin, 1, ["64.02"]),
            () => Get<Readiness.Data.Coordination.VisitStore>().OpenInstructionsAsync(Admin, 1, ["64.02"]),
            () => Get<Readiness.Data.Coordination.HelpRequestStore>().AskAsync(Liaison,
                new Readiness.Data.Coordination.NewHelpRequest(1, "TNI", "Perahu karet", 2, "perahu"), Guid.NewGuid()),
            () => Get<Readiness.Data.Coordination.HelpRequestStore>().AcceptAsync(Liaison, 1, 1, Guid.NewGuid()),
            () => Get<Readiness.Data.Coordination.HelpRequestStore>().FindAsync(Admin, 1),
            () => Get<Readiness.Data.Coordination.HelpRequestStore>().ForItemAsync(Admin, 1),
            () => Get<Readiness.Data.Coordination.HelpRequestStore>().PendingUnderAsync(Admin, 1, "64.02"),
            () => Get<Readiness.Data.Coordination.HelpRequestStore>().PendingPairsAsync(Admin, 1, "64.02"),
            () => Get<Readiness.Data.Coordination.DeclarationStore>().DeclareAsync(Liaison, new Readiness.Data.Coordination.NewDeclaration(1, "64.02", "KPU",
                Readiness.Data.Coordination.DeclarationMoment.QuietPeriod, "Ketua KPU", "Ketua", null), Guid.NewGuid()),
            () => Get<Readiness.Data.Coordination.DeclarationStore>().SummaryAsync(Admin, 1, "64.02", Readiness.Data.Coordination.DeclarationMoment.QuietPeriod),
            () => Get<Readiness.Data.Coordination.DeclarationStore>().CurrentMomentAsync(1, new DateOnly(2024, 11, 23)),
            () => Get<Readiness.Data.Coordination.HelpRequestSweep>().SweepAsync(new DateTime(2024, 11, 23, 3, 0, 0, DateTimeKind.Utc), default),
            () => Get<Readiness.Data.Coordination.CoordinationDemoSeeder>().SeedAsync(1, new DateOnly(2024, 11, 23), title => title),
            () => Get<Readiness.Data.Coordination.CoordinationDemoSeeder>().BackdateAsync(1),
        };
        foreach (var call in calls)
        {
            try
            {
                await call();
            }
            catch (Exception)
            {
                // The recording answers "nothing", so some methods stop early; what they sent is recorded.
            }
        }

        return log;
    }

    private static byte[] EvidencePng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(8, 8);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static async Task InTransactionAsync(ConnectionFactory factory, Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task> work)
    {
        await using var connection = await factory.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(connection, transaction);
    }

    // Answers that let each method reach its later statements: no replayed operation, one item, one stage, one user.
    private static object? Scalar(string sql) =>
        sql.Contains("WHERE OperationId", StringComparison.Ordinal) ? null
        : sql.StartsWith("SELECT Level FROM Regions", StringComparison.Ordinal) ? 2L
        : sql.StartsWith("SELECT TimeZone FROM Regions", StringComparison.Ordinal) ? "Asia/Makassar"
        : sql.StartsWith("SELECT COUNT(*) FROM NeutralityOffices", StringComparison.Ordinal) ? 0L
        : sql.StartsWith("SELECT StartDate FROM Stages", StringComparison.Ordinal) ? null
        : sql.Contains("SELECT RegionCode FROM ChecklistItems", StringComparison.Ordinal) ? "64.02"
        : sql.Contains("COUNT(*) FROM Elections", StringComparison.Ordinal) || sql.Contains("COUNT(*) FROM Regions;", StringComparison.Ordinal) ? 0L
        : 1L;

    private static DataTable Rows(string sql)
    {
        var table = new DataTable();
        void Row(params (string Name, Type Type, object? Value)[] columns)
        {
            foreach (var (name, type, _) in columns)
            {
                table.Columns.Add(name, type);
            }

            table.Rows.Add(columns.Select(c => c.Value ?? DBNull.Value).ToArray());
        }

        void More(int count)
        {
            // Further rows like the first, with ids 2..count: the demo seeder picks a status for each.
            for (var id = 2; id <= count; id++)
            {
                var row = table.Rows[0].ItemArray.ToArray();
                row[0] = Convert.ChangeType(id, table.Columns[0].DataType, System.Globalization.CultureInfo.InvariantCulture);
                table.Rows.Add(row);
            }
        }

        var at = new DateTime(2024, 11, 20, 3, 0, 0, DateTimeKind.Utc);
        if (sql.Contains("FROM HelpRequests h", StringComparison.Ordinal) && sql.Contains("ToItemStatus", StringComparison.Ordinal))
        {
            // An open request to the recording's liaison, so an answer reaches its writes.
            Row(("Id", typeof(long), 1L), ("ElectionId", typeof(int), 1), ("RegionCode", typeof(string), "64.02"), ("RegionName", typeof(string), "Kutai Kartanegara"),
                ("TimeZone", typeof(string), "Asia/Makassar"), ("FromItemId", typeof(long), 1L), ("FromAgencyCode", typeof(string), "TNI"),
                ("ToAgencyCode", typeof(string), "KPU"), ("ToItemId", typeof(long), 2L), ("What", typeof(string), "Perahu"), ("Quantity", typeof(int), null),
                ("Unit", typeof(string), null), ("State", typeof(string), "terbuka"), ("Reason", typeof(string), null), ("AskedBy", typeof(string), "a"),
                ("AskedAtUtc", typeof(DateTime), at), ("AnsweredBy", typeof(string), null), ("AnsweredAtUtc", typeof(DateTime), null),
                ("Version", typeof(int), 1), ("ToItemStatus", typeof(string), "belum"));
        }
        else if (sql.Contains("AS InstructionCount", StringComparison.Ordinal) && sql.Contains("WHERE v.Id = @id", StringComparison.Ordinal))
        {
            // One visit, so its instructions are read.
            Row(("Id", typeof(long), 1L), ("ElectionId", typeof(int), 1), ("RegionCode", typeof(string), "64.02"), ("RegionName", typeof(string), "Kutai Kartanegara"),
                ("TimeZone", typeof(string), "Asia/Makassar"), ("Kind", typeof(string), "kunjungan"), ("HeldOn", typeof(DateTime), at.Date),
                ("Place", typeof(string), "Tenggarong"), ("Attendees", typeof(string), "Pj Gubernur"), ("Minutes", typeof(string), null),
                ("RecordedBy", typeof(string), "pimpinan"), ("RecordedAtUtc", typeof(DateTime), at), ("InstructionCount", typeof(int), 1), ("ReadyCount", typeof(int), 0));
        }
        else if (sql.StartsWith("SELECT RegionCode, Origin, SourceId", StringComparison.Ordinal))
        {
            Row(("RegionCode", typeof(string), "64.02"), ("Origin", typeof(string), "arahan"), ("SourceId", typeof(long), 1L));
        }
        else if (sql.Contains("FROM Stages WHERE ElectionId = @ElectionId ORDER BY EndDate", StringComparison.Ordinal))
        {
            Row(("Id", typeof(int), 1), ("ElectionId", typeof(int), 1), ("Code", typeof(string), "TENANG"), ("Name", typeof(string), "Masa tenang"),
                ("SortOrder", typeof(int), 6), ("StartDate", typeof(DateTime), new DateTime(2024, 11, 24)), ("EndDate", typeof(DateTime), new DateTime(2024, 11, 26)));
        }
        else if (sql.Contains("t.TargetFrom AS TargetFrom", StringComparison.Ordinal))
        {
            // A kecamatan's item per TPS and a regency's, so a figure's change moves their targets.
            Row(("Id", typeof(long), 1L), ("ElectionId", typeof(int), 1), ("RegionCode", typeof(string), "64.02.06"), ("AgencyCode", typeof(string), "KPU"),
                ("StageId", typeof(int), 1), ("TemplateItemId", typeof(int), 1), ("Title", typeof(string), "KPPS dilantik"), ("Criticality", typeof(string), "kritis"),
                ("DueDate", typeof(DateTime), at.Date), ("Status", typeof(string), "proses"), ("Note", typeof(string), null),
                ("UpdatedAtUtc", typeof(DateTime), at), ("UpdatedBy", typeof(string), "sistem"), ("Version", typeof(int), 1), ("Unit", typeof(string), "TPS"),
                ("Done", typeof(int), 38), ("Target", typeof(int), 45), ("TargetFixed", typeof(bool), true), ("AllowOver", typeof(bool), false),
                ("TargetFrom", typeof(string), "tps"), ("TargetPer", typeof(int), 1));
            table.Rows.Add(2L, 1, "64.02", "POLRI", 1, 2, "Personel", "kritis", at.Date, "proses", DBNull.Value, at, "sistem", 1, "personel", 10, 12, true, false,
                "tps_sangat_rawan", 2);
        }
        else if (sql.StartsWith("SELECT ElectionId, RegionCode, Tps", StringComparison.Ordinal) && sql.Contains("RegionCode = @regionCode", StringComparison.Ordinal))
        {
            // The kecamatan has figures, so a liaison's save updates them (a CSV row of a kecamatan without them inserts).
            Row(("ElectionId", typeof(int), 1), ("RegionCode", typeof(string), "64.02.06"), ("Tps", typeof(int), 45), ("KurangRawan", typeof(int), null),
                ("Rawan", typeof(int), null), ("SangatRawan", typeof(int), null), ("Khusus", typeof(int), null), ("Version", typeof(int), 1),
                ("UpdatedBy", typeof(string), "penghubung.kpu"), ("UpdatedAtUtc", typeof(DateTime), at));
        }
        else if (sql.StartsWith("SELECT Code FROM Regions WHERE Level = 3", StringComparison.Ordinal))
        {
            Row(("Code", typeof(string), "64.02.06")); // the CSV's kecamatan exists
        }
        else if (sql.StartsWith("SELECT SUM(Tps)", StringComparison.Ordinal))
        {
            Row(("Tps", typeof(int), 90), ("KurangRawan", typeof(int), 60), ("Rawan", typeof(int), 20), ("SangatRawan", typeof(int), 8), ("Khusus", typeof(int), 2),
                ("Counted", typeof(int), 2));
        }
        else if (sql.Contains($"AS {nameof(ChecklistItem.Version)}", StringComparison.Ordinal) && !sql.Contains("RegionName", StringComparison.Ordinal))
        {
            Row(("Id", typeof(long), 1L), ("ElectionId", typeof(int), 1), ("RegionCode", typeof(string), "64.02"), ("AgencyCode", typeof(string), "KPU"),
                ("StageId", typeof(int), 1), ("TemplateItemId", typeof(int), 1), ("Title", typeof(string), "Butir"), ("Criticality", typeof(string), "kritis"),
                ("DueDate", typeof(DateTime), at.Date),
                ("Status", typeof(string), sql.Contains("WHERE i.Id = @askingId", StringComparison.Ordinal) ? "kendala" : "proses"), ("Note", typeof(string), null),
                ("UpdatedAtUtc", typeof(DateTime), at), ("UpdatedBy", typeof(string), "sistem"), ("Version", typeof(int), 1));
            if (sql.Contains("ORDER BY i.Id", StringComparison.Ordinal))
            {
                More(20);
            }
        }
        else if (sql.Contains("FROM NeutralityCases c JOIN Regions r", StringComparison.Ordinal))
        {
            // A registered case, so a move and a correction reach their writes.
            Row(("Id", typeof(int), 1), ("RegionCode", typeof(string), "64.02"), ("RegionName", typeof(string), "Kabupaten Kutai Kartanegara"),
                ("TimeZone", typeof(string), "Asia/Makassar"), ("Kind", typeof(string), "media-sosial"), ("Source", typeof(string), "temuan"),
                ("ReportedOn", typeof(DateTime), at.Date), ("Step", typeof(string), sql.Contains("c.PersonName", StringComparison.Ordinal) ? "dilaporkan" : "kajian"),
                ("StepAtUtc", typeof(DateTime), at), ("PpkDeadline", typeof(DateTime), null), ("Sanction", typeof(string), null), ("Version", typeof(int), 1),
                ("CreatedAtUtc", typeof(DateTime), at), ("CreatedBy", typeof(string), "penghubung.bawaslu"));
        }
        else if (sql.Contains("FROM NeutralityOffices WHERE Id", StringComparison.Ordinal))
        {
            Row(("Id", typeof(int), 1), ("RegionCode", typeof(string), "64.02"), ("Name", typeof(string), "Dinas Pendidikan"), ("PledgedOn", typeof(DateTime), null),
                ("SatgasOn", typeof(DateTime), null), ("SatgasDecree", typeof(string), null), ("Version", typeof(int), 1), ("UpdatedAtUtc", typeof(DateTime), at),
                ("UpdatedBy", typeof(string), "admin"));
        }
        else if (sql.Contains("FROM EscalationRules WHERE Kind IN", StringComparison.Ordinal))
        {
            // One enabled rule of each kind, so the engine sends every statement a run sends.
            Row(("Id", typeof(int), 1), ("Code", typeof(string), "kendala-24j"), ("Kind", typeof(string), EscalationKinds.Blocked),
                ("Name", typeof(string), "Kendala"), ("IsEnabled", typeof(bool), true), ("AfterHours", typeof(int), 24),
                ("Criticality", typeof(string), null), ("LocalHour", typeof(int), 7), ("RecipientRole", typeof(string), Roles.Leader),
                ("SendEmail", typeof(bool), true), ("SendWebhook", typeof(bool), true), ("Version", typeof(int), 1),
                ("UpdatedAtUtc", typeof(DateTime), at), ("UpdatedBy", typeof(string), "sistem"), ("LastRunAtUtc", typeof(DateTime), null));
            table.Rows.Add(2, "kritis-lewat", EscalationKinds.Overdue, "Kritis lewat tenggat", true, 0, "kritis", 7, Roles.Leader, true, true, 1, at, "sistem", DBNull.Value);
            table.Rows.Add(3, "ringkasan-pagi", EscalationKinds.Digest, "Ringkasan pagi", true, 0, DBNull.Value, 7, Roles.Leader, true, true, 1, at, "sistem", DBNull.Value);
        }
        else if (sql.Contains("COALESCE(r.TimeZone, n.DigestZone)", StringComparison.Ordinal) && sql.Contains("WHERE n.UserId = @userId", StringComparison.Ordinal))
        {
            // A grouped notice in the inbox, so the query that reads its items is sent.
            Row(("Id", typeof(long), 1L), ("RuleId", typeof(int), 2), ("Kind", typeof(string), EscalationKinds.Overdue),
                ("ItemId", typeof(long), null), ("ItemCount", typeof(int), 2), ("ItemTitle", typeof(string), null),
                ("ItemStatus", typeof(string), null), ("DueDate", typeof(DateTime), null), ("RegionCode", typeof(string), "64.02"),
                ("RegionName", typeof(string), "Kabupaten Kutai Kartanegara"), ("TimeZone", typeof(string), "Asia/Makassar"),
                ("AgencyCode", typeof(string), null), ("Details", typeof(string), null), ("CreatedAtUtc", typeof(DateTime), at),
                ("ReadAtUtc", typeof(DateTime), null));
        }
        else if (sql.Contains("WHERE t.Recurrence IS NOT NULL", StringComparison.Ordinal))
        {
            // A monthly template, so the insert of its periods' items is sent.
            Row(("TemplateId", typeof(int), 8), ("Recurrence", typeof(string), "bulanan"), ("DueOffsetDays", typeof(int), 0),
                ("Title", typeof(string), "Laporan bulanan"), ("StageId", typeof(int), 5),
                ("StartDate", typeof(DateTime), new DateTime(2024, 9, 25)), ("EndDate", typeof(DateTime), new DateTime(2024, 11, 23)));
        }
        else if (sql.StartsWith("SELECT Id, RecipientRole, SendEmail, SendWebhook FROM EscalationRules", StringComparison.Ordinal))
        {
            // The enabled rule of a domain notice's kind, so its recipients, notices and deliveries are sent.
            Row(("Id", typeof(int), 4), ("RecipientRole", typeof(string), Roles.Leader), ("SendEmail", typeof(bool), true), ("SendWebhook", typeof(bool), true));
        }
        else if (sql.StartsWith("SELECT u.Id FROM Users u", StringComparison.Ordinal))
        {
            Row(("Id", typeof(int), 1));
        }
        else if (sql.StartsWith("SELECT DISTINCT i.RegionCode", StringComparison.Ordinal))
        {
            // One regency with candidates, so a rule's batch statements are sent.
            Row(("RegionCode", typeof(string), "64.02.01"));
        }
        else if (sql.Contains("WITH due AS", StringComparison.Ordinal))
        {
            // One leader with figures for one agency, so the digest is written.
            Row(("UserId", typeof(int), 1), ("RegionCode", typeof(string), "64.02"), ("AgencyCode", typeof(string), "KPU"),
                ("TotalNow", typeof(int), 10), ("ReadyNow", typeof(int), 4), ("TotalBefore", typeof(int), 10), ("ReadyBefore", typeof(int), 3),
                ("NewBlocked", typeof(int), 1), ("OverdueCritical", typeof(int), 2));
        }
        else if (sql.StartsWith("SELECT (SELECT COALESCE(", StringComparison.Ordinal))
        {
            // The notification pump's starting cursors.
            Row(("Notifications", typeof(long), 1L), ("Escalations", typeof(long), 1L));
        }
        else if (sql.Contains("OUTPUT inserted.Id", StringComparison.Ordinal))
        {
            // A lease that took one row, so the claim goes on to read what it leased.
            Row(("Id", typeof(long), 1L));
        }
        else if (sql.Contains("FROM Stages s JOIN Regions r", StringComparison.Ordinal))
        {
            Row(("Id", typeof(int), 1), ("ElectionId", typeof(int), 1), ("Code", typeof(string), "REKAP"), ("Name", typeof(string), "Rekapitulasi"),
                ("SortOrder", typeof(int), 8), ("StartDate", typeof(DateTime), new DateTime(2024, 11, 27)), ("EndDate", typeof(DateTime), new DateTime(2024, 12, 16)));
        }
        else if (sql.Contains("FROM Users WHERE", StringComparison.Ordinal))
        {
            Row(("Id", typeof(int), 1), ("UserName", typeof(string), "a"), ("NormalizedUserName", typeof(string), "A"), ("DisplayName", typeof(string), "A"),
                ("Role", typeof(string), Roles.Viewer), ("AgencyCode", typeof(string), null), ("PasswordHash", typeof(string), null),
                ("SecurityStamp", typeof(string), "s"), ("ConcurrencyStamp", typeof(string), "c"), ("IsDisabled", typeof(bool), false),
                ("LockoutEnabled", typeof(bool), true), ("LockoutEndUtc", typeof(DateTime), null), ("AccessFailedCount", typeof(int), 0),
                ("CreatedAtUtc", typeof(DateTime), at));
        }
        else if (sql.Contains("FROM Regions r WHERE r.Code = @regionCode", StringComparison.Ordinal))
        {
            // The situation's own region lookup: a kecamatan in WITA.
            Row(("Code", typeof(string), "64.02.06"), ("ParentCode", typeof(string), "64.02"), ("Level", typeof(int), 3),
                ("Name", typeof(string), "Tenggarong"), ("TimeZone", typeof(string), "Asia/Makassar"));
        }
        else if (sql.Contains("FROM SituationLevels s WHERE s.RegionCode = @regionCode", StringComparison.Ordinal))
        {
            // An estimate at version 1, so a change at version 1 updates it.
            Row(("RegionCode", typeof(string), "64.02.06"), ("Level", typeof(string), "pg"), ("Reason", typeof(string), "Isu"),
                ("StageId", typeof(int), 1), ("UpdatedBy", typeof(string), "sistem"), ("UpdatedAtUtc", typeof(DateTime), at), ("Version", typeof(int), 1));
        }
        else if (sql.Contains("FROM Incidents i JOIN Regions r", StringComparison.Ordinal))
        {
            // One open incident at version 1, not yet significant, so every change goes on to write.
            Row(("Id", typeof(long), 1L), ("RegionCode", typeof(string), "64.02.06"), ("RegionName", typeof(string), "Tenggarong"),
                ("TimeZone", typeof(string), "Asia/Makassar"), ("StageId", typeof(int), 1), ("Place", typeof(string), "TPS 1"),
                ("OccurredAtUtc", typeof(DateTime), at), ("Kind", typeof(string), "bentrok"), ("Severity", typeof(string), "berat"),
                ("Description", typeof(string), null), ("ReportingAgency", typeof(string), "POLRI"), ("HandlingAgencies", typeof(string), "POLRI"),
                ("Status", typeof(string), "dilaporkan"), ("ClosingNote", typeof(string), null), ("IsSignificant", typeof(bool), false),
                ("SignificantBy", typeof(string), null), ("SignificantAtUtc", typeof(DateTime), null), ("ReportedBy", typeof(string), "admin"),
                ("ReportedAtUtc", typeof(DateTime), at), ("UpdatedBy", typeof(string), "admin"), ("UpdatedAtUtc", typeof(DateTime), at),
                ("Version", typeof(int), 1));
        }

        return table;
    }

    private sealed class BoundVisitor : TSqlFragmentVisitor
    {
        public List<BooleanComparisonExpression> Comparisons { get; } = [];

        public List<TableHintKind> Hints { get; } = [];

        public override void Visit(BooleanComparisonExpression node) => Comparisons.Add(node);

        public override void Visit(TableHint node) => Hints.Add(node.HintKind);
    }
}
