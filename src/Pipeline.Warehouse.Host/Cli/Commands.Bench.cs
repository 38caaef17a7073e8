using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    /// <summary>
    /// The load benchmark: generates N deals (once per size and seed), then times in one process
    /// (1) the floor, DuckDB's bare <c>create table ... as select * from read_csv(...)</c> with
    /// auto-detection of every file into a fresh database file, and (2) the job into a fresh
    /// warehouse; prints both, their ratio and the peak resident memory of each.
    /// </summary>
    public static int Bench(Arguments arguments)
    {
        var deals = arguments.Int("deals", 1_000_000, 1);
        var seed = arguments.Int("seed", 42, 0);
        var dir = Path.GetFullPath(arguments.Get("dir") ?? Path.Combine(Home, "bench"));
        var memoryLimit = arguments.Get("memory-limit") ?? new EtlOptions().MemoryLimit;
        var asOf = new DateOnly(2026, 11, 30);
        var data = BenchData(dir, deals, seed, asOf);
        var sizes = Directory.GetFiles(data, "*.csv").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"Input: {Directory.GetFiles(data, "*.csv").Length} files, {sizes / 1e6:N0} MB; machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB:0} GiB, {Machine.CpuName}");

        // Warm the page cache so neither side pays for the first read from disk.
        foreach (var file in Directory.GetFiles(data, "*.csv"))
            FileHashWarmUp(file);

        Machine.ResetPeakMemory();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var floor = Floor(data, Path.Combine(dir, "floor.duckdb"));
        var floorCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var floorPeak = Machine.PeakMemoryMiB();
        Console.WriteLine($"floor: read_csv auto-detect of every file   {floor.TotalSeconds,7:0.00} s   peak {floorPeak:N0} MiB");

        Machine.ResetPeakMemory();
        var warehouse = Path.Combine(dir, "warehouse.duckdb");
        File.Delete(warehouse);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var timings = new TimingObserver(new LogObserver(loggers.CreateLogger<EtlJob>()));
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = new EtlJob(new EtlOptions { Input = data, Warehouse = warehouse, AsOf = asOf, MemoryLimit = memoryLimit }, timings).Run();
        var jobCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var peak = Machine.PeakMemoryMiB();
        var load = result.Phases.Where(p => p.Phase is "load files" or "build core" or "build star schema").Aggregate(TimeSpan.Zero, (a, p) => a + p.Elapsed);
        var marts = result.Phases.Single(p => p.Phase == "build marts").Elapsed;
        Console.WriteLine();
        Console.WriteLine($"floor: read_csv auto-detect of every file   {floor.TotalSeconds,7:0.00} s   peak {floorPeak:N0} MiB   CPU {floorCpu.TotalSeconds:0.0} s");
        Console.WriteLine($"load:  CSV -> core tables (load + models)   {load.TotalSeconds,7:0.00} s   ratio {load / floor:0.00}x the floor");
        Console.WriteLine($"marts: every marts table and view           {marts.TotalSeconds,7:0.00} s");
        Console.WriteLine($"job:   whole run, checks and publish incl.  {result.Elapsed.TotalSeconds,7:0.00} s   peak {peak:N0} MiB   CPU {jobCpu.TotalSeconds:0.0} s = {jobCpu / floorCpu:0.0}x the floor's (memory limit {memoryLimit})");
        Console.WriteLine($"       {result.Deals:N0} deals, {result.Transitions:N0} transitions");
        foreach (var phase in result.Phases)
            Console.WriteLine($"       {phase.Phase,-20} {phase.Elapsed.TotalSeconds,7:0.00} s");
        Console.WriteLine("where the time goes: the 15 slowest models and the 5 slowest data tests");
        foreach (var (name, elapsed, rows) in timings.Models.OrderByDescending(m => m.Elapsed).Take(15))
            Console.WriteLine($"       {name,-42} {elapsed.TotalSeconds,7:0.00} s  {rows}");
        foreach (var (name, elapsed) in timings.Tests.OrderByDescending(t => t.Elapsed).Take(5))
            Console.WriteLine($"       test {name,-37} {elapsed.TotalSeconds,7:0.00} s");
        return ExitCodes.Success;
    }

    /// <summary>The bench exports of a size and seed: DIR/data-N-SEED, generated the first time.</summary>
    private static string BenchData(string dir, int deals, int seed, DateOnly asOf)
    {
        var data = Path.Combine(dir, $"data-{deals}-{seed}");
        if (!File.Exists(Path.Combine(data, "quotas.csv")) || !File.Exists(Path.Combine(data, "deals.csv")))
        {
            Console.WriteLine($"Generating {deals:N0} deals into {data} ...");
            var generated = DemoGenerator.Generate(new DemoOptions(data, deals, seed, asOf));
            Console.WriteLine($"  {generated.HistoryRows:N0} history rows in {generated.Elapsed.TotalSeconds:0.0} s");
        }
        return data;
    }

    private static TimeSpan Floor(string data, string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        var clock = Stopwatch.StartNew();
        using (var connection = Pipeline.Warehouse.Reports.WarehouseConnection.Open(path))
        {
            foreach (var file in Directory.GetFiles(data, "*.csv").Order(StringComparer.Ordinal))
                Sql.Execute(connection, $"create table {Path.GetFileNameWithoutExtension(file)} as select * from read_csv($path)", ("path", file));
            Sql.Execute(connection, "checkpoint");
        }
        var elapsed = clock.Elapsed;
        File.Delete(path);
        return elapsed;
    }

    private static void FileHashWarmUp(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        while (stream.Read(buffer) > 0)
        {
        }
    }

    /// <summary>Passes everything on to the log, and keeps each model's and data test's time.</summary>
    private sealed class TimingObserver(IRunObserver log) : IRunObserver
    {
        public List<(string Name, TimeSpan Elapsed, string Rows)> Models { get; } = [];

        public List<(string Name, TimeSpan Elapsed)> Tests { get; } = [];

        public void DialectChosen(string dialect, string reason) => log.DialectChosen(dialect, reason);

        public void PhaseStarted(string phase) => log.PhaseStarted(phase);

        public void PhaseFinished(string phase, TimeSpan elapsed) => log.PhaseFinished(phase, elapsed);

        public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed) => log.FileLoaded(file, rows, slowPath, elapsed);

        public void ModelBuilt(Pipeline.Warehouse.Models.ModelResult model)
        {
            Models.Add((model.QualifiedName, model.Elapsed, model.RowCount is { } rows ? $"{rows:N0} rows" : "view"));
            log.ModelBuilt(model);
        }

        public void DataTested(Pipeline.Warehouse.Models.DataTestResult test)
        {
            Tests.Add((test.Name, test.Elapsed));
            log.DataTested(test);
        }
    }
}
