using Dapper;
using Readiness.Data.Checklists;
using Readiness.Data.Seed;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Checklists;

/// <summary>Items are read through one column list; a row that did not map is refused, never used as version 0.</summary>
public sealed class ItemSqlTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private int _election;

    [Fact]
    public async Task An_item_read_with_version_0_is_refused_instead_of_making_every_save_a_conflict()
    {
        await using (var connection = await _db.Factory.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ChecklistItems SET Version = 0 WHERE Id = (SELECT MIN(Id) FROM ChecklistItems);");
        }

        var id = await MinIdAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Checklists.FindAsync(id));
        Assert.Contains("Version 0", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Checklists.ListForExportAsync(TestDatabase.Admin, _election, "64.02"));
    }

    [Fact]
    public async Task Every_column_of_an_item_reads_into_its_property()
    {
        var item = (await _db.Checklists.FindAsync(await MinIdAsync()))!;

        Assert.True(item.Id > 0 && item.ElectionId == _election && item.StageId > 0 && item.TemplateItemId > 0 && item.Version == 1);
        Assert.StartsWith("64.02", item.RegionCode);
        Assert.False(string.IsNullOrEmpty(item.AgencyCode) || string.IsNullOrEmpty(item.Title) || string.IsNullOrEmpty(item.Criticality));
        Assert.Equal((ItemStatus.NotStarted, "sistem"), (item.Status, item.UpdatedBy));
        Assert.NotEqual(default, item.DueDate);
        Assert.Equal(_db.Time.GetUtcNow().UtcDateTime, item.UpdatedAtUtc);
    }

    private async Task<long> MinIdAsync()
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM ChecklistItems;");
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        _election = (await _db.Elections.AllAsync()).Single(e => e.Code == ReferenceSeeder.Pilkada2024Code).Id;
        await _db.Checklists.ApplyTemplatesAsync(_election, "64.02", "sistem");
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
