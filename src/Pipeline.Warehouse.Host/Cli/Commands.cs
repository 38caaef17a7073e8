using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;

namespace Pipeline.Warehouse.Host.Cli;

/// <summary>The CLI's commands; <c>run</c> and the demo go through the hosted job.</summary>
public static partial class Commands
{
    private static readonly string[] RunOptions = ["input", "warehouse", "as-of", "config", "dialect", "memory-limit", "reports", "benchmarks", "mapping", "allow-shrink", "replay"];

    public static readonly IReadOnlyDictionary<string, string[]> Options = new Dictionary<string, string[]>
    {
        ["demo"] = RunOptions,
        ["run"] = RunOptions,
        ["generate"] = ["out", "deals", "seed", "as-of", "reps", "dialect", "nights"],
        ["reports"] = ["warehouse", "out", "as-of", "benchmarks"],
        ["bench"] = ["deals", "dir", "seed"],
        ["bench-reports"] = ["reps", "deals-per-rep", "dir", "seed"],
        ["bench-forecast"] = ["seeds", "deals", "as-of", "dir"],
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

    public static Task<int> RunAsync(Arguments arguments)
    {
        var demo = arguments.Command == "demo";
        var options = new EtlOptions
        {
            Input = arguments.Get("input") ?? (demo ? DemoInput() : arguments.Required("input")),
            Warehouse = arguments.Get("warehouse") ?? (demo ? Path.Combine(Home, "warehouse", "pipeline.duckdb") : arguments.Required("warehouse")),
            AsOf = arguments.Date("as-of"),
            Config = arguments.Get("config"),
            Dialect = arguments.Get("dialect") ?? "auto",
            Mapping = arguments.Get("mapping"),
            MemoryLimit = arguments.Get("memory-limit") ?? "1GB",
            Reports = arguments.Get("reports") ?? (demo ? Path.Combine(Home, "reports") : null),
            Benchmarks = arguments.Get("benchmarks"),
            AllowShrink = arguments.Switch("allow-shrink"),
            Replay = arguments.Switch("replay"),
        };
        return JobHost.RunAsync(options);
    }

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
