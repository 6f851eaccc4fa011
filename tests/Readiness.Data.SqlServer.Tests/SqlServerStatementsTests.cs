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
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Xunit.Abstractions;

namespace Readiness.Data.SqlServer.Tests;

/// <summary>
/// Every statement the data layer sends to SQL Server, checked without a server: parsed by SQL Server's own T-SQL
/// parser (ScriptDom, TSql160) and bound by its schema model (DacFx) built from the migrations in database/sqlserver.
/// </summary>
public sealed class SqlServerStatementsTests(ITestOutputHelper output)
{
    private static readonly Actor Admin = new() { Name = "admin", Role = Roles.Admin, UserId = 1 };
    private static readonly Actor Liaison = new() { Name = "penghubung.kpu", Role = Roles.Liaison, AgencyCode = "KPU", Scopes = ["64.02"] };

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
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero)));
        services.AddReadinessData(configuration);
        services.AddSingleton(new ConnectionFactory(DatabaseProvider.SqlServer, () => new RecordingConnection(log)));
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
            () => Get<ChecklistStore>().AddItemAsync(Liaison, new NewItem(1, "64.02", 1, "Butir", new DateOnly(2024, 11, 20), Criticality.Normal), Guid.NewGuid()),
            () => Get<ReadinessStore>().ForRegionAsync(Admin, 1, "64.02"),
            () => Get<ReadinessStore>().RegenciesWithItemsAsync(Admin, 1),
            () => Get<RedFlagStore>().ForRegionAsync(Admin, 1, "64.02"),
            () => Get<RedFlagStore>().ForRegionAsync(Admin, 1, ""),
            () => Get<FeedStore>().StartAsync(default),
            () => Get<FeedStore>().ReadAsync(0, default),
            () => Get<FeedStore>().ReadRangeAsync(0, 10, 1, "64.02", default),
            () => Get<FeedStore>().ReadRangeAsync(0, 10, 1, null, default),
            () => Get<FeedStore>().RecentAsync(Admin, "64.02", 8, new DateTime(2024, 11, 23, 0, 0, 0, DateTimeKind.Utc)),
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
            () => Get<Readiness.Data.Seed.DemoSeeder>().SeedAsync(),
        };
        foreach (var call in calls)
        {
            try
            {
                await call();
            }
            catch (Exception ex) when (ex is InvalidOperationException or InputException or AccessDeniedException or NullReferenceException)
            {
                // The recording answers "nothing", so some methods stop early; what they sent is recorded.
            }
        }

        return log;
    }

    private sealed class BoundVisitor : TSqlFragmentVisitor
    {
        public List<BooleanComparisonExpression> Comparisons { get; } = [];

        public List<TableHintKind> Hints { get; } = [];

        public override void Visit(BooleanComparisonExpression node) => Comparisons.Add(node);

        public override void Visit(TableHint node) => Hints.Add(node.HintKind);
    }
}
