using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    private static readonly int[] BenchReportSizes = [250, 1000, 10000];

    /// <summary>
    /// The report benchmark: for the demo data (the fixed roster, 5,000 deals) and for 250, 1,000 and
    /// 10,000 generated reps in teams of about 8 (sizes up to --reps, which is always included), generates the exports once per
    /// size and seed, runs the job into a fresh warehouse, then times the Excel scorecards and the PDF
    /// reports into a fresh folder with the <c>reports</c> command in a process of its own, so the peak
    /// resident memory is that of the writing alone.
    /// </summary>
    public static int BenchReports(Arguments arguments)
    {
        var maxReps = arguments.Int("reps", 1000, 1);
        var dealsPerRep = arguments.Int("deals-per-rep", 60, 1);
        var seed = arguments.Int("seed", 42, 0);
        var dir = Path.GetFullPath(arguments.Get("dir") ?? Path.Combine(Home, "bench"));
        var asOf = new DateOnly(2026, 11, 30);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB:0} GiB, {Machine.CpuName}; {DateTime.UtcNow:yyyy-MM-dd}");

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

            var written = RunReportsProcess(warehouse, output);
            var sellers = reps == 0 ? SellerCount(data) : reps;
            var teams = TeamCount(data);
            var row = $"{sellers,6:N0} {teams,6:N0} {job.Deals,8:N0} {written.Workbooks,10:N0} {written.Pdfs,6:N0} {written.WorkbookSeconds,14:0.0} {written.PdfSeconds,9:0.0} {written.Wall.TotalSeconds,10:0.0} {written.PeakMiB,9:N0}";
            rows.Add(row);
            Console.WriteLine($"{(reps == 0 ? "demo" : reps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))}: {job.Deals:N0} deals loaded in {job.Elapsed.TotalSeconds:0.0} s; "
                + $"reports {written.Wall.TotalSeconds:0.0} s in their own process (workbooks {written.WorkbookSeconds:0.0} s, PDFs {written.PdfSeconds:0.0} s), peak {written.PeakMiB:N0} MiB");
        }

        Console.WriteLine();
        Console.WriteLine("  reps  teams    deals  workbooks   PDFs  workbooks (s)  PDFs (s)  total (s)  peak MiB");
        foreach (var row in rows)
            Console.WriteLine(row);
        return ExitCodes.Success;
    }

    private sealed record ReportsRun(int Workbooks, int Pdfs, double WorkbookSeconds, double PdfSeconds, TimeSpan Wall, long PeakMiB);

    /// <summary>
    /// Runs <c>reports</c> in a process of its own, as a user would, so that its peak memory is the
    /// writing's alone (not what the job before it held); reads the counts, times and peak it prints.
    /// </summary>
    private static ReportsRun RunReportsProcess(string warehouse, string output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(Commands).Assembly.Location);
        // No --as-of: the reports are as of the warehouse's own date, the one the job was run as of.
        foreach (var argument in new[] { "reports", "--warehouse", warehouse, "--out", output })
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the reports process.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed;
        var match = ReportsLine().Match(stdout);
        if (process.ExitCode != 0 || !match.Success)
            throw new InvalidOperationException($"The reports process failed (exit {process.ExitCode}): {stdout}{stderr.Result}");
        int Count(string group) => int.Parse(match.Groups[group].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        double Seconds(string group) => double.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new ReportsRun(Count("reps") + Count("managers"), Count("pdfs"), Seconds("workbooks"), Seconds("pdfseconds"), wall, Count("peak"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Wrote (?<reps>[\d,]+) rep and (?<managers>[\d,]+) manager workbooks and (?<pdfs>[\d,]+) PDF reports .* \(workbooks (?<workbooks>[\d.]+) s, PDFs (?<pdfseconds>[\d.]+) s; peak memory (?<peak>[\d,]+) MiB\)")]
    private static partial System.Text.RegularExpressions.Regex ReportsLine();

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
