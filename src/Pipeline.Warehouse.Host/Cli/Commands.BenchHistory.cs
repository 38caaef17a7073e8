using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    /// <summary>
    /// The nightly benchmark of issue 12: a night with a year of snapshots behind it against a first
    /// load. Loads the bench exports (--deals, as of 2026-11-30) into a fresh warehouse (the first
    /// load, timed), gives the warehouse --nights earlier nights (each night's snapshot rows a copy of
    /// the first night's, dated back: the volume of a year of nights, not their content), then runs
    /// the next night (2026-12-01, same exports) on it, timed. Prints both, their ratio and the peak
    /// memory of each.
    /// </summary>
    public static int BenchHistory(Arguments arguments)
    {
        var deals = arguments.Int("deals", 1_000_000, 1);
        var nights = arguments.Int("nights", 365, 1);
        var dir = Path.GetFullPath(arguments.Get("dir") ?? Path.Combine(Home, "bench"));
        var asOf = new DateOnly(2026, 11, 30);
        var data = BenchData(dir, deals, 42, asOf);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB:0} GiB, {Machine.CpuName}; exports {data}");

        var warehouse = Path.Combine(dir, "history-warehouse.duckdb");
        File.Delete(warehouse);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var observer = new LogObserver(loggers.CreateLogger<EtlJob>());

        Machine.ResetPeakMemory();
        var first = new EtlJob(new EtlOptions { Input = data, Warehouse = warehouse, AsOf = asOf }, observer).Run();
        var firstPeak = Machine.PeakMemoryMiB();

        using (var connection = Pipeline.Warehouse.Reports.WarehouseConnection.Open(warehouse))
        {
            Sql.Execute(connection, """
                insert into core.fact_pipeline_snapshot
                select cast(snapshot_date - to_days(cast(night as integer)) as date), deal_id, rep_id, stage, status, amount, expected_close_date, load_id
                from core.fact_pipeline_snapshot, range(1, $nights + 1) as nights(night);
                insert into core.fact_rep_snapshot
                select cast(snapshot_date - to_days(cast(night as integer)) as date), rep_id, rep_name, email, manager_id, team, region, is_active, load_id
                from core.fact_rep_snapshot, range(1, $nights + 1) as nights(night);
                checkpoint;
                """, ("nights", nights));
        }
        long rows;
        using (var connection = Pipeline.Warehouse.Reports.WarehouseConnection.Open(warehouse, readOnly: true))
            rows = Sql.Scalar(connection, "select count(*) from core.fact_pipeline_snapshot");

        Machine.ResetPeakMemory();
        var next = new EtlJob(new EtlOptions { Input = data, Warehouse = warehouse, AsOf = asOf.AddDays(1) }, observer).Run();
        var nextPeak = Machine.PeakMemoryMiB();

        Console.WriteLine();
        Console.WriteLine($"first load ({asOf:yyyy-MM-dd}), no history:                 {first.Elapsed.TotalSeconds,7:0.0} s   peak {firstPeak:N0} MiB");
        Console.WriteLine($"next night ({asOf.AddDays(1):yyyy-MM-dd}), {nights} nights ({rows:N0} snapshot rows) behind it: {next.Elapsed.TotalSeconds,7:0.0} s   peak {nextPeak:N0} MiB");
        Console.WriteLine($"ratio: {next.Elapsed / first.Elapsed:0.00}x the first load (goal: at most 1.5x)");
        foreach (var (a, b) in first.Phases.Zip(next.Phases))
            Console.WriteLine($"       {a.Phase,-20} {a.Elapsed.TotalSeconds,7:0.00} s   {b.Elapsed.TotalSeconds,7:0.00} s");
        return ExitCodes.Success;
    }
}
