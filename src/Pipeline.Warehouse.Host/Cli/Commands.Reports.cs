using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Reports;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    /// <summary>
    /// Writes the scorecards and PDF reports of an existing warehouse (opened read-only) under
    /// &lt;out&gt;/&lt;as-of&gt;/, without running the job: to re-render after changing the benchmark
    /// table, or to render on another machine. The as-of date is the warehouse's (its latest run);
    /// --as-of another night the warehouse remembers rebuilds that night from its archived export
    /// (<see cref="ReportsForPastNight"/>); any other date is refused (exit 2) with how to build a warehouse as of it.
    /// </summary>
    public static int Reports(Arguments arguments)
    {
        var warehouse = Path.GetFullPath(arguments.Required("warehouse"));
        if (!File.Exists(warehouse))
            throw new InputException($"No warehouse at {warehouse}. Pass the file a run wrote (--warehouse), or run the job first: ./run-etl.sh run --input DIR --warehouse FILE.");
        BenchmarkTable benchmarks;
        try
        {
            benchmarks = arguments.Get("benchmarks") is { } path ? BenchmarkTable.Load(path) : BenchmarkTable.Default();
        }
        catch (BenchmarkFileException e)
        {
            throw new InputException(e.Message);
        }
        if (arguments.Date("as-of") is { } requested && LoadOfEarlierNight(warehouse, requested) is { } loadId)
            return ReportsForPastNight(arguments, warehouse, requested, loadId, benchmarks);
        return WriteReports(arguments, warehouse, benchmarks, arguments.Date("as-of"), $"of {warehouse}");
    }

    /// <summary>The report set of <paramref name="warehouse"/> (opened read-only once) under &lt;out&gt;/&lt;as-of&gt;/.</summary>
    private static int WriteReports(Arguments arguments, string warehouse, BenchmarkTable benchmarks, DateOnly? requested, string whose)
    {
        var clock = Stopwatch.StartNew();
        // One read-only open for the whole set: a run that replaces the warehouse meanwhile changes none of it.
        using var source = OpenSource(warehouse);
        DateOnly asOf;
        try
        {
            // The warehouse's own as-of date: its figures are as of it, so another date is refused before anything is written.
            asOf = source.AsOfFor(requested);
        }
        catch (ReportAsOfException e)
        {
            throw new InputException(e.Message);
        }
        var folder = Path.Combine(Path.GetFullPath(arguments.Get("out") ?? Path.Combine(Home, "reports")), asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        ScorecardResult scorecards;
        HealthReportResult health;
        try
        {
            scorecards = Scorecards.Write(source, folder, benchmarks: benchmarks);
            health = HealthReports.Write(source, folder);
        }
        catch (WarehouseVersionException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Each file is renamed into place only when complete: what is there is whole, old or new.
            Console.Error.WriteLine($"error: the reports in {folder} were not all written: {e.Message} "
                + "Every report file there is complete (the previous version, or the new one); the warehouse was only read. Free space or fix the folder's permissions and run reports again.");
            return ExitCodes.Failure;
        }
        var load = source.Load is { } latest ? $"load {latest.LoadId}" : "no recorded load";
        Console.WriteLine(
            $"Wrote {scorecards.RepFiles.Count:N0} rep and {scorecards.ManagerFiles.Count:N0} manager workbooks and {1 + health.ManagerFiles.Count:N0} PDF reports "
            + $"as of {asOf:yyyy-MM-dd} from {load} {whose} to {folder} in {clock.Elapsed.TotalSeconds:0.0} s "
            + $"(workbooks {scorecards.Elapsed.TotalSeconds:0.0} s, PDFs {health.Elapsed.TotalSeconds:0.0} s; peak memory {Machine.PeakMemoryMiB():N0} MiB).");
        return ExitCodes.Success;
    }

    /// <summary>A read-only connection; a file that is no DuckDB database is bad input (exit 2), not a crash.</summary>
    private static DuckDBConnection OpenForReading(string warehouse)
    {
        try
        {
            return WarehouseConnection.Open(warehouse, readOnly: true);
        }
        catch (DuckDBException e)
        {
            throw NotAWarehouse(warehouse, e);
        }
    }

    private static InputException NotAWarehouse(string warehouse, DuckDBException e) =>
        new($"{warehouse} cannot be read as a warehouse: {e.Message.Split('\n')[0]} "
            + "Pass the file a run wrote (--warehouse), or run the job first: ./run-etl.sh run --input DIR --warehouse FILE.");

    /// <summary>The warehouse opened read-only; a file that is no DuckDB database, or no warehouse, is bad input (exit 2), not a crash.</summary>
    private static ReportSource OpenSource(string warehouse)
    {
        try
        {
            return ReportSource.Open(warehouse);
        }
        catch (DuckDBException e)
        {
            throw NotAWarehouse(warehouse, e);
        }
    }
}
