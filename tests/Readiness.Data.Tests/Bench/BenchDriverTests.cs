using Readiness.Bench;
using Readiness.Data.Sql;

namespace Readiness.Data.Tests.Bench;

/// <summary>
/// Small runs of every bench driver, so the bench code keeps working; the full runs (national data, 20 editors x 100
/// rounds, 1,000 saves, 1,000 hostile inputs) are bench/run.sh's, with their results in bench/RESULTS.md.
/// </summary>
[Trait("Category", "Bench")]
public sealed class BenchDriverTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "readiness-bench-tests", Guid.NewGuid().ToString("N"));
    private string Db => Path.Combine(_folder, "bench.db");

    [Fact]
    public async Task Generator_applies_templates_to_the_chosen_regencies_with_a_status_mix_and_history()
    {
        var (items, events, _) = await NationalDataset.GenerateAsync(Path.Combine(_folder, "other.db"), regencyLimit: 3, TextWriter.Null);

        Assert.True(items > 1000, $"{items} items");
        Assert.True(events > items, $"{events} events for {items} items: a creation event each and a status change for most");
    }

    [Fact]
    public async Task Concurrent_editors_drill_loses_no_acknowledged_save()
    {
        var result = await Drills.ConcurrentEditorsAsync(Db, editors: 5, rounds: 5);

        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public async Task Kill_drill_keeps_every_acknowledged_save_and_a_sound_file()
    {
        // Far more saves than it will live to make: the kill must land in the middle, on any machine.
        var result = await Drills.KillDuringSavesAsync(Db, saves: 50_000, killAfter: 50);

        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public async Task Backup_taken_while_saving_holds_every_earlier_save_and_passes_its_check()
    {
        var result = await Drills.BackupWhileSavingAsync(Db, Path.Combine(_folder, "backup.db"), writers: 2);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal("ok", await DatabaseBackup.IntegrityCheckAsync(Path.Combine(_folder, "backup.db")));
    }

    [Fact]
    public async Task Map_weight_driver_renders_every_kecamatan_of_a_regency()
    {
        var result = await MapWeight.MeasureAsync("64.02", renders: 2);

        Assert.Equal(20, result.Shapes); // Kutai Kartanegara's 20 kecamatan, each with a boundary
        Assert.InRange(result.Bytes, 10_000, 80 * 1024);
        Assert.Contains("64.02: 20 shapes", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_inputs_are_refused_or_stored_exactly()
    {
        var result = await Drills.HostileInputsAsync(Db, count: 100);

        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public async Task Regency_page_reads_run_on_the_generated_set()
    {
        await using var db = new BenchDatabase(Db);
        var election = (await db.Get<Readiness.Data.Elections.ElectionStore>().AllAsync()).Single(e => e.IsDemo).Id;

        var read = await RegionPageData.LoadAsync(db, election, "11.01", freshBoard: true);

        Assert.True(read > 0);
    }

    public async Task InitializeAsync() => await NationalDataset.GenerateAsync(Db, regencyLimit: 2, TextWriter.Null);

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
