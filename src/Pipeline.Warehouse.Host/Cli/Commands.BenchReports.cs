using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    private static readonly int[] BenchReportSizes = [250, 1000];

    /// <summary>
    /// The report benchmark: for the demo data (the fixed roster, 5,000 deals) and for 250 and 1,000
    /// generated reps (sizes up to --reps, which is always included), generates the exports once per
    /// size and seed, runs the job into a fresh warehouse, then times the Excel scorecards and the PDF
    /// reports into a fresh folder; peak resident memory is reset and read around the report writing only
    /// (base: the resident memory when the writing starts, i.e. what the process already held).
    /// </summary>
    public static int BenchReports(Arguments arguments)
    {
        var maxReps = arguments.Int("reps", 1000, 1);
        var dealsPerRep = arguments.Int("deals-per-rep", 60, 1);
        var seed = arguments.Int("seed", 42, 0);
        var dir = Path.GetFullPath(arguments.Get("dir") ?? Path.Combine(Home, "bench"));
        var asOf = new DateOnly(2026, 11, 30);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB:0} GiB, {Machine.CpuName}");

        var sizes = new List<int> { 0 };
        sizes.AddRange(BenchReportSizes.Where(n => n < maxReps));
        sizes.Add(maxReps);
        var rows = new List<string>();
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        foreach (var reps in sizes.Distinct())
        {
            var deals = reps == 0 ? 5000 : checked(reps * dealsPerRep);
            var data = Path.Combine(dir, reps == 0 ? $"reports-data-demo-{seed}" : $"reports-data-{reps}x{dealsPerRep}-{seed}");
            if (!File.Exists(Path.Combine(data, "quotas.csv")) || !File.Exists(Path.Combine(data, "deals.csv")))
            {
                Console.WriteLine($"Generating {deals:N0} deals of {(reps == 0 ? "the demo roster" : $"{reps:N0} reps")} into {data} ...");
                DemoGenerator.Generate(new DemoOptions(data, deals, seed, asOf, reps));
            }

            var warehouse = Path.Combine(dir, "reports-warehouse.duckdb");
            File.Delete(warehouse);
            var job = new EtlJob(new EtlOptions { Input = data, Warehouse = warehouse, AsOf = asOf }, new LogObserver(loggers.CreateLogger<EtlJob>())).Run();
            var output = Path.Combine(dir, "reports-out");
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Machine.ResetPeakMemory();
            var before = Machine.CurrentMemoryMiB();
            var clock = Stopwatch.StartNew();
            var scorecards = Scorecards.Write(warehouse, output, asOf);
            var workbookTime = clock.Elapsed;
            var workbookPeak = Machine.PeakMemoryMiB();
            var workbookHeap = GC.GetGCMemoryInfo().TotalCommittedBytes >> 20;
            var health = HealthReports.Write(warehouse, output, asOf);
            var total = clock.Elapsed;
            var peak = Machine.PeakMemoryMiB();
            var heap = GC.GetGCMemoryInfo().TotalCommittedBytes >> 20;

            var sellers = reps == 0 ? SellerCount(data) : reps;
            var teams = TeamCount(data);
            var workbooks = scorecards.RepFiles.Count + scorecards.ManagerFiles.Count;
            var pdfs = 1 + health.ManagerFiles.Count;
            var row = $"{sellers,6:N0} {teams,6:N0} {workbooks,10:N0} {pdfs,6:N0} {workbookTime.TotalSeconds,14:0.0} {(total - workbookTime).TotalSeconds,9:0.0} {total.TotalSeconds,8:0.0} {peak,9:N0} {before,9:N0}";
            rows.Add(row);
            Console.WriteLine($"{(reps == 0 ? "demo" : reps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))}: {job.Deals:N0} deals loaded in {job.Elapsed.TotalSeconds:0.0} s; reports {total.TotalSeconds:0.0} s, peak {peak:N0} MiB (resident before: {before:N0} MiB; peak after the workbooks {workbookPeak:N0} MiB; GC committed {workbookHeap:N0} / {heap:N0} MiB after workbooks / PDFs)");
        }

        Console.WriteLine();
        Console.WriteLine("  reps  teams  workbooks   PDFs  workbooks (s)  PDFs (s)  total (s)  peak MiB  base MiB");
        foreach (var row in rows)
            Console.WriteLine(row);
        return ExitCodes.Success;
    }

    /// <summary>Rows of reps.csv that own deals: everyone with a manager who is not one (the demo names have no commas or quotes).</summary>
    private static int SellerCount(string data)
    {
        var rows = File.ReadLines(Path.Combine(data, "reps.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var managers = rows.Select(r => r[3]).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        return rows.Count(r => r[3].Length > 0 && !managers.Contains(r[0]));
    }

    private static int TeamCount(string data) =>
        File.ReadLines(Path.Combine(data, "reps.csv")).Skip(1).Select(l => l.Split(',')).Where(r => r[3].Length > 0).Select(r => r[4]).Distinct(StringComparer.Ordinal).Count();
}
