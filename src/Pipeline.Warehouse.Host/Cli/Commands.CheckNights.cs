using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    /// <summary>
    /// What a night's history adds, and so what a single load of the last export cannot equal: the
    /// snapshots, the rep versions read from them, deleted deals, figures priced with values known
    /// then (the forecast and its backtest) and the counts of nights.
    /// </summary>
    private static readonly string[] HistoryTables =
    [
        "core.fact_pipeline_snapshot", "core.fact_rep_snapshot", "core.dim_rep", "core.deleted_deal",
        "marts.data_quality", "marts.forecast", "marts.forecast_scopes", "marts.forecast_deals", "marts.forecast_backtest", "marts.forecast_accuracy",
        "marts.pipeline_waterfall", "marts.pipeline_waterfall_deals",
    ];

    /// <summary>
    /// check-nights (issue 12): generates --nights nights of one evolving CRM (generate --nights),
    /// loads them through the inbox as schedule --once does, timed, and checks what the warehouse
    /// then holds: every figure that does not depend on history equals a single load of the last
    /// export; the snapshots, deleted deals, rep versions and the waterfall's ends a night gave equal
    /// the generator's record; the re-delivered night was skipped. Exit 0 when every check holds, 1 otherwise.
    /// </summary>
    public static async Task<int> CheckNights(Arguments arguments)
    {
        var nights = arguments.Int("nights", 30, NightsGenerator.MinNights);
        var deals = arguments.Int("deals", 5000, 1);
        var seed = arguments.Int("seed", 42, 0);
        var asOf = arguments.Date("as-of") ?? new DateOnly(2026, 12, 15);
        var dir = Path.GetFullPath(arguments.Get("dir") ?? Path.Combine(Home, "bench", $"nights-{nights}-{deals}-{seed}"));
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        var inbox = Path.Combine(dir, "inbox");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB:0} GiB, {Machine.CpuName}");

        // The nights are generated beside the inbox and delivered to it in three turns: up to the
        // past night D whose reports are kept, the night after D (killed while it builds), the rest.
        var incoming = Path.Combine(dir, "incoming");
        var summary = NightsGenerator.Generate(new DemoOptions(incoming, deals, seed, asOf), nights);
        var record = Path.Combine(dir, "truth");
        Directory.Move(Path.Combine(incoming, "truth"), record); // the record is the check's, not the inbox's
        Directory.CreateDirectory(inbox);
        Console.WriteLine($"Generated {nights} nights ({summary.FirstNight:yyyy-MM-dd} to {summary.LastNight:yyyy-MM-dd}) of {deals:N0} deals in {summary.Elapsed.TotalSeconds:0.0} s.");
        var dates = NightFolder.List(incoming).Select(n => n.AsOf).Distinct().Order().ToList();
        var pastNight = dates[Math.Max(0, dates.Count - 11)];
        var killedNight = dates[dates.IndexOf(pastNight) + 1];

        var warehouse = Path.Combine(dir, "warehouse.duckdb");
        var archive = Path.Combine(dir, "archive");
        var settings = new OperationSettings(
            new EtlOptions { Warehouse = warehouse, Input = "", Dialect = "canonical" },
            Path.Combine(dir, "logs"),
            new ScheduleOptions(null, inbox, archive, Path.Combine(dir, "rejected"), TimeSpan.Zero, Once: true));
        var clock = Stopwatch.StartNew();
        Deliver(incoming, inbox, night => night <= pastNight);
        var exit = await ScheduleHost.RunAsync(settings);
        var inboxTime = clock.Elapsed;
        var nightAfter = Path.Combine(dir, "reports-night-after");
        WriteReportSet(warehouse, nightAfter);
        Console.WriteLine($"Wrote the reports of {pastNight:yyyy-MM-dd} the night after it, to {nightAfter}.");

        Deliver(incoming, inbox, night => night == killedNight);
        var killed = KillNight(settings, killedNight);

        clock.Restart();
        Deliver(incoming, inbox, _ => true);
        var rest = await ScheduleHost.RunAsync(settings);
        exit = exit == ExitCodes.Success ? rest : exit;
        inboxTime += clock.Elapsed;
        Console.WriteLine($"Loaded the inbox (schedule --once, in two turns around the killed night) in {inboxTime.TotalSeconds:0.0} s ({inboxTime.TotalSeconds / nights:0.0} s a night), exit code {exit}.");

        // Ten nights later, the reports of D again: rebuilt from the archive (reports --as-of D --archive).
        var tenNightsLater = Path.Combine(dir, "reports-later");
        Reports(Arguments.Parse(["reports", "--warehouse", warehouse, "--as-of", Day(pastNight), "--archive", archive, "--dialect", "canonical", "--out", tenNightsLater], Options));

        var last = Path.Combine(archive, summary.LastNight.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var single = Path.Combine(dir, "single-load.duckdb");
        using (var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)))
            new EtlJob(new EtlOptions { Input = last, Warehouse = single, AsOf = summary.LastNight, Dialect = "canonical" }, new LogObserver(loggers.CreateLogger<EtlJob>())).Run();

        var failed = 0;
        void Check(string what, IReadOnlyList<string> problems)
        {
            Console.WriteLine($"{(problems.Count == 0 ? "ok  " : "FAIL")}  {what}");
            foreach (var problem in problems.Take(10))
                Console.WriteLine($"        {problem}");
            failed += problems.Count == 0 ? 0 : 1;
        }

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Sql.Execute(connection, $"attach '{warehouse.Replace("'", "''")}' as nightly (read_only); attach '{single.Replace("'", "''")}' as single (read_only)");
        Check($"the inbox loaded {nights} nights and skipped the re-delivered one (exit code 0)", NightsLoaded(connection, exit, nights));
        Check("every figure that does not depend on history equals a single load of the last export", SameAsSingleLoad(connection));
        Check("the snapshots are the generator's, night by night", Differ(connection,
            "select strftime(snapshot_date, '%Y-%m-%d'), deal_id, rep_id, stage, status, amount, expected_close_date from nightly.core.fact_pipeline_snapshot where status <> 'deleted'",
            $"select strftime(cast(snapshot_date as date), '%Y-%m-%d'), deal_id, rep_id, stage, status, cast(amount as decimal(18, 2)), cast(expected_close_date as date) from read_csv('{Csv(record, "pipeline_snapshot.csv")}', all_varchar = true)"));
        Check("deals deleted in the CRM are the generator's, on the night they disappeared", Differ(connection,
            "select deal_id, strftime(snapshot_date, '%Y-%m-%d') from nightly.core.fact_pipeline_snapshot where status = 'deleted'",
            $"select deal_id, strftime(cast(first_night_absent as date), '%Y-%m-%d') from read_csv('{Csv(record, "deleted_deals.csv")}', all_varchar = true)"));
        Check("rep versions follow the generator's team changes", Differ(connection,
            "select rep_id, team, strftime(valid_from, '%Y-%m-%d') from nightly.core.dim_rep qualify row_number() over (partition by rep_id order by valid_from) > 1",
            $"select rep_id, new_team, strftime(cast(first_night as date), '%Y-%m-%d') from read_csv('{Csv(record, "team_changes.csv")}', all_varchar = true)"));
        Sql.Execute(connection, $"""
            create temp view generator_waterfall_ends as
            with truth as (
                select cast(snapshot_date as date) as night, status, cast(amount as decimal(18, 2)) as amount, cast(expected_close_date as date) as close_date
                from read_csv('{Csv(record, "pipeline_snapshot.csv")}', all_varchar = true)
            ),
            ends as (
                select period_type, period_start, period_end, 'start' as movement, cast(period_start - interval 1 day as date) as night
                from nightly.marts.pipeline_waterfall where scope_type = 'company' and movement = 'start' and start_source = 'snapshot'
                union all
                select period_type, period_start, period_end, 'end', cast(cut - interval 1 day as date)
                from nightly.marts.pipeline_waterfall where scope_type = 'company' and movement = 'end' and end_source = 'snapshot'
            )
            select ends.period_type, strftime(ends.period_start, '%Y-%m-%d'), ends.movement, count(truth.night), coalesce(sum(truth.amount), 0)
            from ends
            left join truth on truth.night = ends.night and truth.status = 'open'
                and truth.close_date >= ends.period_start and truth.close_date < ends.period_end
            group by all
            """);
        Check("the waterfall's start and end, where a night gave them, are the generator's open deals expected in the period", Differ(connection,
            """
            select period_type, strftime(period_start, '%Y-%m-%d'), movement, deals, amount
            from nightly.marts.pipeline_waterfall
            where scope_type = 'company' and ((movement = 'start' and start_source = 'snapshot') or (movement = 'end' and end_source = 'snapshot'))
            """,
            "select * from generator_waterfall_ends"));
        Check($"a night killed while it built ({Day(killedNight)}) left the previous night's warehouse as it was, and its folder in the inbox for the next tick", killed);
        Check($"the reports of {Day(pastNight)} rebuilt {(summary.LastNight.DayNumber - pastNight.DayNumber):N0} nights later are byte for byte those written the night after it",
            SameFiles(Path.Combine(nightAfter, Day(pastNight)), Path.Combine(tenNightsLater, Day(pastNight))));
        Console.WriteLine(failed == 0 ? "Every check holds." : $"{failed} checks failed.");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>A file of the check's own folder, quoted for a string literal.</summary>
    private static string Csv(string folder, string file) => Path.Combine(folder, file).Replace("'", "''");

    private static List<string> NightsLoaded(DuckDBConnection connection, int exit, int nights)
    {
        var loads = Sql.Scalar(connection, "select count(*) from nightly.meta.etl_run");
        return exit == ExitCodes.Success && loads == nights ? [] : [$"exit code {exit}, {loads} loads"];
    }

    /// <summary>Rows of one query not in the other, both ways (EXCEPT ALL), as text.</summary>
    private static List<string> Differ(DuckDBConnection connection, string left, string right)
    {
        var problems = new List<string>();
        foreach (var (a, b, side) in new[] { (left, right, "warehouse"), (right, left, "generator") })
        {
            using var command = Sql.Command(connection, $"select * from ({a} except all {b}) limit 5");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                problems.Add($"only in the {side}: {string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)))}");
        }
        return problems;
    }

    /// <summary>
    /// Every table of core and marts but <see cref="HistoryTables"/>, row for row without load_id.
    /// Deals whose stages were inferred from the nights (no stage history in any export) have a
    /// timeline only the nights can give: tables with a deal_id are compared without them, and a
    /// table without one may differ only when there are such deals (said, not failed).
    /// </summary>
    private static List<string> SameAsSingleLoad(DuckDBConnection connection)
    {
        Sql.Execute(connection, "create or replace temp table inferred_deals as select distinct deal_id from nightly.core.fact_stage_transition where is_inferred");
        var inferred = Sql.Scalar(connection, "select count(*) from inferred_deals");
        var tables = new List<(string Table, bool HasDealId, bool HasLoadId)>();
        using (var command = Sql.Command(connection, """
            select t.schema_name || '.' || t.table_name,
                count(*) filter (where c.column_name = 'deal_id') > 0,
                count(*) filter (where c.column_name = 'load_id') > 0
            from duckdb_tables() as t
            join duckdb_columns() as c using (database_name, schema_name, table_name)
            where t.database_name = 'single' and t.schema_name in ('core', 'marts')
            group by all order by 1
            """))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                tables.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2)));
        var problems = new List<string>();
        var explained = new List<string>();
        // Table names come from the warehouse's own catalog, not from export text.
        foreach (var (table, hasDealId, hasLoadId) in tables.Where(t => !HistoryTables.Contains(t.Table)))
        {
            var columns = hasLoadId ? "* exclude (load_id)" : "*";
            var where = hasDealId ? "where deal_id is null or deal_id not in (select deal_id from inferred_deals)" : "";
            var rows = 0L;
            foreach (var (a, b) in new[] { ("nightly", "single"), ("single", "nightly") })
                rows += Sql.Scalar(connection, $"select count(*) from (select {columns} from {a}.{table} {where} except all select {columns} from {b}.{table} {where})");
            if (rows == 0)
                continue;
            if (!hasDealId && inferred > 0)
                explained.Add(table);
            else
                problems.Add($"{table}: {rows:N0} rows differ");
        }
        Console.WriteLine($"      ({inferred:N0} deals have stages inferred from the nights; compared without them"
            + (explained.Count == 0 ? ")" : $", and these tables count them: {string.Join(", ", explained)})"));
        return problems;
    }
}
