using System.Diagnostics;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Ingest.Canonical;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;
using Pipeline.Warehouse.Ingest.Dialects;
using Pipeline.Warehouse.Models;
using Pipeline.Warehouse.Reports;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// One run of the nightly job: checks the input, builds a new warehouse file from the exports and
/// the SQL models, accounts for every input row, and replaces the warehouse atomically. Nothing
/// touches the existing warehouse until the last step, a rename.
/// </summary>
public sealed partial class EtlJob(EtlOptions options, IRunObserver observer)
{
    private readonly List<PhaseTiming> _phases = [];

    /// <summary>The deals the warehouse held before this run (read in <see cref="CarryOverHistory"/>); null when there was none.</summary>
    private long? _previousDeals;

    /// <summary>Stops the run between phases, and interrupts the query running when it is cancelled.</summary>
    private CancellationToken _cancellation;

    /// <summary>The freshness warning of this run's exports (Operation/Freshness), kept in the run log; null when fresh.</summary>
    private string? _freshnessWarning;

    public RunResult Run(CancellationToken cancellationToken = default)
    {
        _cancellation = cancellationToken;
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var config = WarehouseConfig.Load(options.Config);
        var asOf = options.AsOf ?? DateOnly.FromDateTime(started);
        var (dialect, why) = KnownDialects.Resolve(options.Dialect, options.Input, config, options.Mapping);
        observer.DialectChosen(dialect.Name, why);
        var runner = new ModelRunner(SqlRoot());
        var benchmarks = options.Reports is null ? null : LoadBenchmarks();

        using var warehouse = WarehouseFile.Lock(options.Warehouse);
        var files = Phase("check input", () => InputFolder.Open(options.Input, dialect.Files));
        _freshnessWarning = Operation.Freshness.Check(files.Select(f => f.Path), options.Freshness, started);
        var hashes = files.DistinctBy(f => f.Path).ToDictionary(f => f.Path, f => Task.Run(() => FileHash.Sha256(f.Path)));

        RunResult result;
        using (var connection = Open(warehouse))
        using (cancellationToken.Register(() => Interrupt(connection)))
        {
            var loadId = Phase("read previous runs", () => CarryOverHistory(connection, warehouse, asOf));
            new RunParameters(loadId, asOf, config, dialect).Write(connection);
            runner.Build(connection, _ => false); // only the macros, which the dialect translations use too
            if (ExportLargerThanMemory(files))
                StoreIntermediates(connection, runner, warehouse);
            var (loaded, lookups) = Phase("load files", () => LoadFiles(connection, files, dialect, config));
            CheckExportSize(loaded, warehouse, config);
            var plan = new BuildPlan(runner.Models);
            runner.ReleaseIntermediates(connection, BuildPlan.ReadAfterBuild);
            void Built(ModelResult model)
            {
                observer.ModelBuilt(model);
                if (plan.RawTablesDoneAfter(model))
                    DropRawTables(connection);
            }
            // The row checks first: the accounting reads int_rejected_rows and int_file_outcomes, so an
            // export with too many rejected rows fails before its timelines or any mart is built.
            Phase("build core", () => runner.Build(connection, plan.IsRowCheck, Built));
            var (accounts, rejected) = Phase("account rows", () =>
                LoadAccounting.Collect(connection, loaded, lookups, dialect, hashes.ToDictionary(h => h.Key, h => h.Value.Result)));
            CheckRejectThreshold(accounts, rejected, config);
            // Everything else that can refuse the export is decided on the core, before any mart.
            Phase("build star schema", () => runner.Build(connection, plan.IsStarSchema, Built));
            CheckDealsBeforeAsOf(connection, loaded, asOf);
            CheckNotOlderThanNewestNight(warehouse, asOf);
            CheckShrink(connection, warehouse, config);
            Phase("build marts", () => runner.Build(connection, plan.IsMarts, Built));
            Phase("data tests", () => runner.RunTests(connection, observer.DataTested));
            if (options.PastNight is { } past)
                CheckPastNightRebuilt(connection, past);
            result = Phase("write run log", () => WriteRunLog(connection, loadId, asOf, started, accounts, rejected, dialect.Name, clock)) with { Dialect = dialect.Name, DialectReason = why, FreshnessWarning = _freshnessWarning };
            ForgetPreviousNights(connection);
            Sql.Execute(connection, $"detach database if exists {IntermediatesDatabase}");
            Phase("checkpoint", () => Sql.Execute(connection, "checkpoint"));
        }
        Phase("publish", warehouse.Publish);
        if (options.Reports is { } reports)
            result = WriteReports(result, warehouse.Path, Path.Combine(reports, asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), benchmarks, clock);
        return result with { Phases = [.. _phases], Elapsed = clock.Elapsed };
    }

    /// <summary>
    /// Reports of the new warehouse, under &lt;reports&gt;/&lt;as-of&gt;/, all read through one read-only
    /// connection, so the scorecards and the PDFs show the same version of it. The warehouse is
    /// already published by then, so a failure here says so (<see cref="ReportsNotWrittenException"/>).
    /// </summary>
    private RunResult WriteReports(RunResult result, string warehouse, string folder, BenchmarkTable? benchmarks, Stopwatch clock)
    {
        try
        {
            using var source = ReportSource.Open(warehouse);
            return result with
            {
                Reports = Phase("write scorecards", () => Scorecards.Write(source, folder, benchmarks: benchmarks)),
                HealthReports = Phase("write pdf reports", () => HealthReports.Write(source, folder)),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ReportsNotWrittenException(result with { Phases = [.. _phases], Elapsed = clock.Elapsed }, e);
        }
    }

    /// <summary>The benchmark table, read before anything else so that a bad file stops the run early.</summary>
    private BenchmarkTable LoadBenchmarks()
    {
        try
        {
            return options.Benchmarks is { } path ? BenchmarkTable.Load(path) : BenchmarkTable.Default();
        }
        catch (BenchmarkFileException e)
        {
            throw new InputException(e.Message);
        }
    }

    private const string IntermediatesDatabase = "build_intermediates";

    /// <summary>
    /// True when the export's files are larger than DuckDB's memory limit: its intermediates could
    /// not stay in memory as temp tables, which DuckDB keeps uncompressed.
    /// </summary>
    private bool ExportLargerThanMemory(IReadOnlyList<InputFile> files)
    {
        var size = files.DistinctBy(f => f.Path).Sum(f => new FileInfo(f.Path).Length);
        if (options.ScratchAboveBytes is { } above)
            return size > above;
        var match = MemorySize().Match(options.MemoryLimit);
        var unit = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, "TB" => 1e12,
            "KIB" => 1024d, "MIB" => 1024d * 1024, "GIB" => 1024d * 1024 * 1024, "TIB" => 1024d * 1024 * 1024 * 1024,
            _ => 1d,
        };
        var limit = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * unit;
        return size > limit;
    }

    /// <summary>
    /// For an export larger than the memory limit, the intermediates are tables of a scratch database
    /// file in the run's temp folder, not temp tables: stored compressed (about a seventh of their
    /// size in memory), they stay within the limit instead of spilling as they are. It costs the
    /// writes (about 10% of the 1M-deal job, whose 630 MB of CSV fit the default 1GB); the folder
    /// goes with the run. (The raw tables stay temp tables: in the file, the 10M-deal load took 91 s
    /// instead of 51 s, and the job no less.)
    /// </summary>
    private static void StoreIntermediates(DuckDBConnection connection, ModelRunner runner, WarehouseFile warehouse)
    {
        var path = Path.Combine(warehouse.TempDirectory, "intermediates.duckdb");
        Sql.Execute(connection, $"attach '{path.Replace("'", "''")}' as {IntermediatesDatabase}");
        string database;
        using (var command = Sql.Command(connection, "select current_database()"))
            database = (string)command.ExecuteScalar()!;
        // The models name intermediates without a schema: after the temp objects, the warehouse's main, then these.
        var searchPath = $"\"{database.Replace("\"", "\"\"")}\".main,{IntermediatesDatabase}.main";
        Sql.Execute(connection, $"set search_path = '{searchPath.Replace("'", "''")}'");
        runner.StoreIntermediatesIn(connection, IntermediatesDatabase);
    }

    private string SqlRoot() => options.SqlRoot ?? Path.Combine(AppContext.BaseDirectory, "sql");

    private DuckDBConnection Open(WarehouseFile warehouse)
    {
        var connection = WarehouseConnection.Open(warehouse.BuildingPath);
        Directory.CreateDirectory(warehouse.TempDirectory);
        Sql.Execute(connection, "set TimeZone = 'UTC'");
        Sql.Execute(connection, "set preserve_insertion_order = true");
        if (!MemorySize().IsMatch(options.MemoryLimit))
            throw new InputException($"--memory-limit \"{options.MemoryLimit}\" is not a size; write it like 1GB or 800MB.");
        // SET takes no parameters: the size is checked above, the path comes from the command line.
        Sql.Execute(connection, $"set memory_limit = '{options.MemoryLimit}'");
        Sql.Execute(connection, $"set temp_directory = '{warehouse.TempDirectory.Replace("'", "''")}'");
        return connection;
    }

    /// <summary>Stops the query running on the connection (it throws OperationCanceledException).</summary>
    private static void Interrupt(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.Cancel();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MemorySize();

    /// <summary>
    /// Reads every file into its raw table, accounts for the look-up files (their raw tables are
    /// dropped with the others later), then translates a CRM dialect into the canonical raw tables.
    /// </summary>
    private (IReadOnlyList<LoadedFile> Loaded, IReadOnlyList<LookupOutcome> Lookups) LoadFiles(
        DuckDBConnection connection, IReadOnlyList<InputFile> files, Dialect dialect, WarehouseConfig config)
    {
        var loaded = new List<LoadedFile>();
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            var result = RawLoader.Load(connection, file);
            observer.FileLoaded(file.FileName, result.Rows, result.SlowPath, clock.Elapsed);
            loaded.Add(result);
        }
        // A look-up file that also feeds a table (a mapping's teams file, say) is accounted for once, as that table's file.
        var lookups = loaded.Where(f => f.File.Spec.Feeds is null && !loaded.Any(other => other.File.Spec.Feeds is not null && other.File.Path == f.File.Path))
            .Select(f => LookupOutcome.Collect(connection, f)).ToList();
        DialectTranslation.Run(connection, dialect, files, config, SqlRoot());
        return (loaded, lookups);
    }

    /// <summary>The raw tables are read only through the staging views; once their readers are built, free the memory.</summary>
    private static void DropRawTables(DuckDBConnection connection)
    {
        var tables = new List<string>();
        using (var command = Sql.Command(connection, "select table_name from duckdb_tables() where temporary and starts_with(table_name, 'raw_')"))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                tables.Add(reader.GetString(0));
        foreach (var table in tables)
            Sql.Execute(connection, $"drop table temp.main.\"{table}\"");
    }

    /// <summary>
    /// A deals file with a header and no rows is an empty export, and one with far fewer rows than the
    /// warehouse holds deals is a shrunken one (a truncated download): said as such, with both counts,
    /// before the core is built (not as "history rows name unknown deals" or too many rejected rows).
    /// </summary>
    private void CheckExportSize(IReadOnlyList<LoadedFile> loaded, WarehouseFile warehouse, WarehouseConfig config)
    {
        var deals = loaded.Where(f => f.File.Spec.Feeds == "deals").ToList();
        if (deals.Count == 0 || options.AllowShrink)
            return;
        var rows = deals.Sum(f => f.Rows);
        if (rows == 0)
            throw new InputException(
                $"{deals[0].File.FileName} is empty: it has a header but no rows, so the export holds no deals. The warehouse was not changed. "
                + "Check that the export finished and that --input is the right folder; to load an empty export on purpose, run again with --allow-shrink.");
        if (Shrunk(rows, warehouse, config) is { } shrunk)
            throw shrunk;
    }

    /// <summary>
    /// An as-of before every deal of the export (all created at or after T, the start of the day
    /// after the as-of date) would build a warehouse with no deals: refused, whatever --allow-shrink
    /// says, since the date is the mistake, not the export. An export with no loaded deals at all is
    /// left to <see cref="CheckExportSize"/> and <see cref="CheckShrink"/>.
    /// </summary>
    private void CheckDealsBeforeAsOf(DuckDBConnection connection, IReadOnlyList<LoadedFile> loaded, DateOnly asOf)
    {
        if (Sql.Scalar(connection, "select count(*) from int_deals where not is_after_as_of") > 0
            || Sql.Scalar(connection, "select count(*) from int_deals") == 0)
            return;
        string earliest;
        using (var command = Sql.Command(connection, "select strftime(min(created_at), '%Y-%m-%d') from int_deals"))
            earliest = (string)command.ExecuteScalar()!;
        var file = loaded.FirstOrDefault(f => f.File.Spec.Feeds == "deals")?.File.FileName ?? "the export";
        throw new InputException(
            $"no deals before {asOf:yyyy-MM-dd}: the earliest deal in {file} was created on {earliest}; choose a later --as-of "
            + $"({earliest} or after). The warehouse was not changed.");
    }

    /// <summary>
    /// An export with no deals, or far fewer than the warehouse holds (a truncated download, the
    /// wrong folder), is refused before anything changes unless the operator allows it.
    /// </summary>
    private void CheckShrink(DuckDBConnection connection, WarehouseFile warehouse, WarehouseConfig config)
    {
        if (options.AllowShrink)
            return;
        var now = Sql.Scalar(connection, "select count(*) from core.fact_deal");
        if (now == 0)
            throw new InputException(
                $"The export in {options.Input} gives no deals to load{(_previousDeals is > 0 ? $", and the warehouse {warehouse.Path} holds {_previousDeals:N0}" : "")}. The warehouse was not changed. "
                + "Check that the export is complete and that --input is the right folder; to load it on purpose, run again with --allow-shrink.");
        if (Shrunk(now, warehouse, config) is { } shrunk)
            throw shrunk;
    }

    /// <summary>The refusal of an export of <paramref name="now"/> deals, when that is fewer than the warehouse's limit allows; else null.</summary>
    private InputException? Shrunk(long now, WarehouseFile warehouse, WarehouseConfig config)
    {
        if (_previousDeals is not { } held || now >= held * (1 - config.ShrinkLimitPercent / 100.0))
            return null;
        return new InputException(
            $"The export in {options.Input} holds {now:N0} deals, the warehouse {warehouse.Path} holds {held:N0}: loading it would drop {Percent.Show(100.0 * (held - now) / held, config.ShrinkLimitPercent)}% of the deals, "
            + $"more than the {config.ShrinkLimitPercent:0.##}% a run accepts (\"shrinkLimitPercent\" in the config). The warehouse was not changed. "
            + "If the export is complete and right (deals deleted in the CRM, a new CRM), run again with --allow-shrink; otherwise check the download and the --input folder.");
    }

    private static void CheckRejectThreshold(IReadOnlyList<FileAccount> accounts, IReadOnlyList<RejectedRow> rejected, WarehouseConfig config)
    {
        var failing = accounts.Where(a => a.RejectedPercent > config.RejectThresholdPercent).ToList();
        // Records deleted in the CRM are counted in the run's accounting but are not bad input.
        if (failing.Count == 0)
            return;
        var lines = failing.Select(a =>
        {
            var examples = rejected.Where(r => r.File == a.File && !r.Excluded).Take(5).Select(r => $"    line {r.Line}: {r.Reason}");
            return $"  {a.File}: {a.Rejected - a.Excluded:N0} of {a.Rows:N0} rows rejected ({Percent.Show(a.RejectedPercent, config.RejectThresholdPercent)}%). First problems:\n{string.Join("\n", examples)}";
        });
        throw new InputException(
            $"Too many rejected rows (the limit is {config.RejectThresholdPercent:0.##}% of a file, \"rejectThresholdPercent\" in the config). The warehouse was not changed.\n{string.Join("\n", lines)}");
    }

    private T Phase<T>(string name, Func<T> action)
    {
        _cancellation.ThrowIfCancellationRequested();
        observer.PhaseStarted(name);
        var clock = Stopwatch.StartNew();
        var result = action();
        _phases.Add(new PhaseTiming(name, clock.Elapsed));
        observer.PhaseFinished(name, clock.Elapsed);
        return result;
    }

    private void Phase(string name, Action action) => Phase(name, () =>
    {
        action();
        return 0;
    });
}
