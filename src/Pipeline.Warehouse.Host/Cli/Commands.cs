using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Operation;

namespace Pipeline.Warehouse.Host.Cli;

/// <summary>The CLI's commands; <c>run</c> and the demo go through the hosted job.</summary>
public static partial class Commands
{
    private static readonly string[] RunOptions = ["input", "warehouse", "as-of", "config", "dialect", "memory-limit", "reports", "benchmarks", "mapping", "allow-shrink", "replay",
        "settings", "warn-after-hours", "error-after-hours", "logs"];

    /// <summary>schedule takes run's options but --input and --as-of (each night's folder gives them).</summary>
    private static readonly string[] ScheduleCommandOptions = ["cron", "time-zone", "inbox", "archive", "rejected", "quiet-seconds", "once",
        .. RunOptions.Where(o => o is not ("input" or "as-of" or "replay"))];

    public static readonly IReadOnlyDictionary<string, string[]> Options = new Dictionary<string, string[]>
    {
        ["demo"] = RunOptions,
        ["run"] = RunOptions,
        ["schedule"] = ScheduleCommandOptions,
        ["generate"] = ["out", "deals", "seed", "as-of", "reps", "dialect", "nights"],
        ["reports"] = ["warehouse", "out", "as-of", "benchmarks", "archive", "input", "config", "dialect", "mapping", "memory-limit", "settings"],
        ["export"] = ["warehouse", "parquet"],
        ["bench"] = ["deals", "dir", "seed", "memory-limit"],
        ["bench-reports"] = ["reps", "deals-per-rep", "dir", "seed"],
        ["bench-forecast"] = ["seeds", "deals", "as-of", "dir"],
        ["check-nights"] = ["nights", "deals", "seed", "as-of", "dir"],
        ["bench-history"] = ["deals", "nights", "dir"],
        ["help"] = [],
    };

    /// <summary>Where the demo keeps its files: the repository root that run-etl.sh names, or the current folder.</summary>
    private static string Home => Environment.GetEnvironmentVariable("PIPELINE_WAREHOUSE_HOME") ?? Directory.GetCurrentDirectory();

    public static int Help()
    {
        Console.WriteLine(Usage.Text);
        return ExitCodes.Success;
    }

    public static int Generate(Arguments arguments)
    {
        var dialect = arguments.Get("dialect") ?? "canonical";
        if (!DemoDialects.TryParse(dialect, out var demoDialect))
            throw new Pipeline.Warehouse.Ingest.InputException($"--dialect \"{dialect}\" is not a dialect the generator writes. Use one of: {string.Join(", ", DemoDialects.Names)}.");
        var options = new DemoOptions(
            arguments.Required("out"),
            arguments.Int("deals", 5000, 1),
            arguments.Int("seed", 42, 0),
            arguments.Date("as-of") ?? Today,
            arguments.Int("reps", 0, 0)) { Dialect = demoDialect };
        if (options.Reps > DemoOptions.MaxReps)
            throw new Pipeline.Warehouse.Ingest.InputException($"--reps {options.Reps:N0} is more than the generator's {DemoOptions.MaxReps:N0}.");
        if (arguments.Get("nights") is not null)
            return GenerateNights(options, arguments.Int("nights", NightsGenerator.MinNights, NightsGenerator.MinNights));
        var summary = DemoGenerator.Generate(options);
        Console.WriteLine($"Wrote {summary.Deals:N0} deals, {summary.HistoryRows:N0} history rows, {summary.Reps} reps in {summary.Teams} teams "
            + $"and {summary.QuotaRows:N0} quotas to {Path.GetFullPath(options.OutputDirectory)} in {summary.Elapsed.TotalSeconds:0.0} s.");
        return ExitCodes.Success;
    }

    private static int GenerateNights(DemoOptions options, int nights)
    {
        if (options.Dialect != DemoDialect.Canonical)
            throw new Pipeline.Warehouse.Ingest.InputException($"--nights writes canonical exports only; drop --dialect {DemoDialects.Names[(int)options.Dialect]}.");
        var summary = NightsGenerator.Generate(options, nights);
        var events = string.Join(", ", Enum.GetValues<NightEvent>().Select(kind => $"{summary.Total(kind):N0} {kind}"));
        Console.WriteLine($"Wrote {summary.Nights} nights ({summary.FirstNight:yyyy-MM-dd} to {summary.LastNight:yyyy-MM-dd}) of one CRM, "
            + $"{summary.DealsLastNight:N0} deals on the last night, to {Path.GetFullPath(options.OutputDirectory)} in {summary.Elapsed.TotalSeconds:0.0} s: {events}. "
            + $"What happened is in {Path.Combine(Path.GetFullPath(options.OutputDirectory), "truth")}.");
        return ExitCodes.Success;
    }

    /// <summary>run and the demo: the settings (file, environment, command line) checked, then the job as a hosted worker.</summary>
    public static Task<int> RunAsync(Arguments arguments)
    {
        var demo = arguments.Command == "demo"
            ? new DemoDefaults(DemoInput, Path.Combine(Home, "warehouse", "pipeline.duckdb"), Path.Combine(Home, "reports"))
            : null;
        return JobHost.RunAsync(HostSettings.Load(arguments, demo));
    }

    /// <summary>schedule: the nightly worker over an inbox of night folders (README "Running every night").</summary>
    public static Task<int> ScheduleAsync(Arguments arguments) => ScheduleHost.RunAsync(HostSettings.Load(arguments));

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The demo's exports: generated into demo-data/ the first time.</summary>
    private static string DemoInput()
    {
        var folder = Path.Combine(Home, "demo-data");
        if (!File.Exists(Path.Combine(folder, "deals.csv")))
        {
            Console.WriteLine($"Generating demo exports into {folder} ...");
            var summary = DemoGenerator.Generate(new DemoOptions(folder, AsOf: Today));
            Console.WriteLine($"Wrote {summary.Deals:N0} deals and {summary.HistoryRows:N0} history rows of {summary.Reps} reps.");
        }
        return folder;
    }
}
