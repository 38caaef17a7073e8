using System.Globalization;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    /// <summary>The goals of issue 11: forecast WAPE at most this share of the better baseline's.</summary>
    private const double WapeGoal = 0.8;

    /// <summary>
    /// The forecast benchmark: for each seed, generates the demo exports (the fixed roster, --deals
    /// deals, as of --as-of), runs the job into a fresh warehouse and prints marts.forecast_accuracy
    /// (the backtest of METRICS.md section 8) per period type and method, then whether the goals
    /// hold: forecast WAPE at most 0.8x the better baseline's, P10-P90 coverage within 70-90%, bias
    /// within +-5%. The accuracy is read from the warehouse, not recomputed.
    /// </summary>
    public static int BenchForecast(Arguments arguments)
    {
        var deals = arguments.Int("deals", 5000, 1);
        var asOf = arguments.Date("as-of") ?? new DateOnly(2026, 11, 30);
        var dir = Path.GetFullPath(arguments.Get("dir") ?? Path.Combine(Home, "bench"));
        var seeds = (arguments.Get("seeds") ?? "42,7,2026").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed
                : throw new Pipeline.Warehouse.Ingest.InputException($"--seeds \"{s}\" is not a whole number; write seeds as 42,7,2026."))
            .ToList();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB:0} GiB, {Machine.CpuName}");
        Console.WriteLine($"Demo exports of {deals:N0} deals as of {asOf:yyyy-MM-dd}; backtest: days 1 and 15 of the last 12 months, days 1, 31 and 61 of the last 4 quarters.");

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var misses = 0;
        foreach (var seed in seeds)
        {
            var data = Path.Combine(dir, $"forecast-data-{deals}-{seed}-{asOf:yyyyMMdd}");
            if (!File.Exists(Path.Combine(data, "deals.csv")))
                DemoGenerator.Generate(new DemoOptions(data, deals, seed, asOf));
            var warehouse = Path.Combine(dir, $"forecast-warehouse-{seed}.duckdb");
            File.Delete(warehouse);
            var job = new EtlJob(new EtlOptions { Input = data, Warehouse = warehouse, AsOf = asOf }, new LogObserver(loggers.CreateLogger<EtlJob>())).Run();

            Console.WriteLine();
            Console.WriteLine($"Seed {seed}: {job.Deals:N0} deals, job {job.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine("  period   method              origins    WAPE     bias  within 10%  P10-P90");
            var rows = AccuracyRows(warehouse);
            foreach (var row in rows)
                Console.WriteLine($"  {row.PeriodType,-8} {row.Method,-18} {row.Origins,8} {Percent(row.Wape),7} {Percent(row.Bias),8} {Percent(row.Within10),11} {Percent(row.Coverage),8}");
            foreach (var periodType in rows.Select(r => r.PeriodType).Distinct())
                misses += Goals(periodType, rows.Where(r => r.PeriodType == periodType).ToList());
        }

        Console.WriteLine();
        Console.WriteLine(misses == 0 ? "Every goal met." : $"{misses} goal(s) missed (above).");
        return ExitCodes.Success;
    }

    private sealed record AccuracyRow(string PeriodType, string Method, long Origins, double? Wape, double? Bias, double? Within10, double? Coverage);

    private static List<AccuracyRow> AccuracyRows(string warehouse)
    {
        using var connection = WarehouseConnection.Open(warehouse, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = """
            select period_type, method, origins, wape, bias, within_10pct, interval_coverage
            from marts.forecast_accuracy
            order by period_type, case method when 'forecast' then 0 when 'weighted_pipeline' then 1 else 2 end
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<AccuracyRow>();
        double? Nullable(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
        while (reader.Read())
            rows.Add(new AccuracyRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), Nullable(3), Nullable(4), Nullable(5), Nullable(6)));
        return rows;
    }

    /// <summary>Prints each goal for one period type, met or by how much it was missed; returns the misses.</summary>
    private static int Goals(string periodType, List<AccuracyRow> rows)
    {
        var forecast = rows.Single(r => r.Method == "forecast");
        var better = rows.Where(r => r.Method != "forecast" && r.Wape is not null).MinBy(r => r.Wape);
        var misses = 0;
        void Goal(bool met, string text)
        {
            misses += met ? 0 : 1;
            Console.WriteLine($"  {(met ? "met   " : "MISSED")} {periodType}: {text}");
        }

        if (forecast.Wape is { } wape && better?.Wape is { } baseline)
            Goal(wape <= WapeGoal * baseline, $"WAPE {Percent(wape)} vs {Percent(WapeGoal * baseline)} (0.8x {better.Method} {Percent(baseline)}): {wape / baseline:0.00}x");
        if (forecast.Coverage is { } coverage)
            Goal(coverage is >= 0.7 and <= 0.9, $"P10-P90 coverage {Percent(coverage)} (goal 70-90%)");
        if (forecast.Bias is { } bias)
            Goal(Math.Abs(bias) <= 0.05, $"bias {Percent(bias)} (goal within +-5%)");
        return misses;
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "-";
}
