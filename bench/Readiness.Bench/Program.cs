using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Readiness.Bench;

// Benchmarks and reliability drills. bench/run.sh runs them all; see bench/RESULTS.md for what was measured.
switch (args)
{
    case ["generate", var path, ..]:
    {
        int? limit = args.Length > 2 ? int.Parse(args[2]) : null;
        var (items, events, took) = await NationalDataset.GenerateAsync(path, limit, Console.Out);
        Console.WriteLine($"generated {path}: {items:N0} items, {events:N0} events in {took.TotalSeconds:0} s");
        return 0;
    }

    case ["escalation", var path, ..]:
        await EscalationBench.RunAsync(path, TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 30), Console.Out);
        return 0;

    case ["escalation-saves", var path]:
        await EscalationBench.SavesDuringRunsAsync(path, Console.Out);
        return 0;

    case ["maps", ..]:
    {
        // The regency with the most boundary points, the one with the most kecamatan, Kutai Kartanegara, the nation.
        foreach (var code in args.Length > 1 ? args[1..] : ["96.03", "95.03", "64.02", ""])
        {
            Console.WriteLine(await MapWeight.MeasureAsync(code == "nation" ? "" : code));
        }

        return 0;
    }

    case ["writer", var path, var saves]:
        await Drills.WriterAsync(path, int.Parse(saves));
        return 0;

    case ["drills", var path]:
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var results = new[]
        {
            await Drills.ConcurrentEditorsAsync(path, editors: 20, rounds: 100),
            await Drills.KillDuringSavesAsync(path, saves: 1000, killAfter: 400),
            await Drills.BackupWhileSavingAsync(path, Path.Combine(folder, $"backup-{DateTime.UtcNow:yyyyMMddHHmmss}.db"), writers: 4),
            await Drills.HostileInputsAsync(path, count: 1000),
        };
        foreach (var result in results)
        {
            Console.WriteLine(result);
        }

        return results.All(r => r.Passed) ? 0 : 1;
    }

    case ["bench", ..]:
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(WritePathBenchmarks).Assembly).Run(args[1..], config);
        return 0;
    }

    default:
        Console.WriteLine("""
            usage: Readiness.Bench generate PATH [REGENCIES]   national data set into an SQLite file
                   Readiness.Bench drills PATH                 reliability drills against that file
                   Readiness.Bench escalation PATH [SECONDS]   escalation rules once over the set, then the outbox for SECONDS
                   Readiness.Bench escalation-saves PATH     liaisons' saves every 100 ms during a first and a morning run
                   Readiness.Bench maps [CODE|nation ...]      bytes and render time of region maps
                   Readiness.Bench bench [--filter *]          BenchmarkDotNet suites (READINESS_BENCH_DB=PATH)
            """);
        return Debugger.IsAttached ? 0 : 2;
}
