using Readiness.Data.Sql;

namespace Readiness.Data.Tests.Sql;

/// <summary>No SQL Server runs on the build machines: its dialect is checked as text here.</summary>
public sealed class SqlDialectTests
{
    [Fact]
    public void Sql_server_insert_if_missing_guards_with_not_exists_under_a_key_range_lock()
    {
        var sql = SqlServerDialect.Instance.InsertIfMissing("Stages", ["ElectionId", "Code"], ["ElectionId", "Code", "Name"]);

        Assert.Equal(
            "INSERT INTO Stages (ElectionId, Code, Name) SELECT @ElectionId, @Code, @Name WHERE NOT EXISTS " +
            "(SELECT 1 FROM Stages WITH (UPDLOCK, HOLDLOCK) WHERE ElectionId = @ElectionId AND Code = @Code);", sql);
    }

    [Fact]
    public void Sqlite_insert_if_missing_uses_on_conflict_do_nothing()
    {
        var sql = SqliteDialect.Instance.InsertIfMissing("Agencies", ["Code"], ["Code", "Name"]);

        Assert.Equal("INSERT INTO Agencies (Code, Name) VALUES (@Code, @Name) ON CONFLICT (Code) DO NOTHING;", sql);
    }

    [Fact]
    public void Sql_server_feed_bound_stops_below_the_first_event_of_an_open_transaction()
    {
        var sql = SqlServerDialect.Instance.SafeEventBound;

        Assert.Contains("MIN_ACTIVE_ROWVERSION()", sql);
        Assert.Contains("READUNCOMMITTED", sql);
        Assert.Contains("MIN(Seq) - 1", sql);
        Assert.StartsWith("(", sql.Trim()); // a scalar expression the feed query embeds, so a read is one query
    }

    [Fact]
    public void Identity_paging_and_dates_differ_per_dialect()
    {
        Assert.Equal("SELECT CAST(SCOPE_IDENTITY() AS bigint);", SqlServerDialect.Instance.SelectInsertedId);
        Assert.Equal("SELECT last_insert_rowid();", SqliteDialect.Instance.SelectInsertedId);
        Assert.Equal("OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY", SqlServerDialect.Instance.Page);
        Assert.Equal("LIMIT @Take OFFSET @Skip", SqliteDialect.Instance.Page);
        Assert.Equal("DATEADD(day, t.Days, s.EndDate)", SqlServerDialect.Instance.AddDays("s.EndDate", "t.Days"));
        Assert.Equal("NEWID()", SqlServerDialect.Instance.NewOperationId);
    }

    [Fact]
    public void Sql_server_scripts_create_the_rowversion_the_feed_reads()
    {
        var schema = DatabaseMigrator.ShippedScripts("sqlserver")[0].Contents;

        Assert.Contains("RowVer       rowversion", schema);
        Assert.Contains("IX_ItemEvents_RowVer", schema);
    }

    [Fact]
    public void Outbox_claims_skip_rows_another_server_holds_and_return_the_claimed_ids()
    {
        var sqlServer = SqlServerDialect.Instance.ClaimRows("Deliveries", "LeaseOwner = @owner", "Status = 'pending'", 50);
        var sqlite = SqliteDialect.Instance.ClaimRows("Deliveries", "LeaseOwner = @owner", "Status = 'pending'", 50);

        Assert.Equal("UPDATE TOP (50) Deliveries WITH (ROWLOCK, UPDLOCK, READPAST) SET LeaseOwner = @owner OUTPUT inserted.Id WHERE Status = 'pending';", sqlServer);
        Assert.Equal("UPDATE Deliveries SET LeaseOwner = @owner WHERE Id IN (SELECT Id FROM Deliveries WHERE Status = 'pending' ORDER BY Id LIMIT 50) RETURNING Id;", sqlite);
        Assert.Equal("(a + '/')", SqlServerDialect.Instance.Concat("a", "'/'"));
        Assert.Equal("(a || '/')", SqliteDialect.Instance.Concat("a", "'/'"));
    }

    [Fact]
    public void Sql_server_notification_reads_stop_below_rows_of_open_transactions()
    {
        var bound = SqlServerDialect.Instance.SafeIdBound("Notifications");
        var schema = DatabaseMigrator.ShippedScripts("sqlserver").Single(s => s.Name.EndsWith("/0006_notifications.sql", StringComparison.Ordinal)).Contents;

        Assert.Contains("FROM Notifications WITH (READUNCOMMITTED) WHERE RowVer >= MIN_ACTIVE_ROWVERSION()", bound);
        Assert.Contains("IX_Notifications_RowVer", schema);
        Assert.Contains("IX_Escalations_RowVer", schema);
        Assert.Equal("(SELECT MAX(Id) FROM Notifications)", SqliteDialect.Instance.SafeIdBound("Notifications"));
    }
}
