namespace Pipeline.Warehouse.Host.Cli;

internal static class Usage
{
    public const string Text = """
        Pipeline Warehouse: CRM exports -> a DuckDB warehouse of your sales pipeline.

        Usage: ./run-etl.sh [command] [options]

          (no command)   The demo: generate demo exports into demo-data/ if absent, run the
                         job into warehouse/pipeline.duckdb and write the scorecards and
                         PDF reports to reports/. Takes the options of run.
          run            Load a folder of CRM exports into the warehouse.
                           --input DIR          folder of CSV exports (required)
                           --warehouse FILE     the DuckDB warehouse file (required)
                           --as-of YYYY-MM-DD   as-of date, default today (UTC)
                           --config FILE        JSON config: stage/lead-type maps, currency, thresholds
                           --dialect NAME       auto (default: recognised from the headers),
                                                canonical, salesforce or hubspot
                           --mapping FILE       JSON mapping for any other CRM's exports
                                                (README "Mapping file"); replaces --dialect
                           --memory-limit SIZE  DuckDB memory limit while building, default 1GB
                           --allow-shrink       accept an export with no deals, or fewer than half
                                                the warehouse's (config shrinkLimitPercent)
                           --replay             rebuild the snapshot of an as-of older than the
                                                warehouse's newest (that date's rows only)
                           --reports DIR        also write Excel scorecards and PDF health
                                                reports under DIR/<as-of>/
                                                (the demo writes them to reports/)
                           --benchmarks FILE    CSV of industry benchmarks for the rep workbooks,
                                                default benchmarks/default.csv (README "Benchmarks")
                           --settings FILE      settings (JSON), default appsettings.json beside the
                                                warehouse; then PIPELINE_WAREHOUSE__* variables, then
                                                the command line win (README "Running every night")
                           --warn-after-hours H warn when the newest export file is older than H hours
                           --error-after-hours H refuse the run (exit 2) when it is older than H hours
                           --logs DIR           JSON-lines log of each run, default logs/ beside the warehouse
          schedule       The nightly worker: at each time of --cron, load the inbox's ready night
                         folders (YYYY-MM-DD[_suffix]) oldest first; archive loaded and repeated
                         exports, move refused ones to the rejected folder.
                           --cron "0 2 * * *"   when to look (five cron fields; six with seconds first);
                                                not needed with --once
                           --time-zone ZONE     the cron's time zone, e.g. Europe/Berlin; default UTC
                           --inbox DIR          the folder of night folders (required)
                           --warehouse FILE     the DuckDB warehouse file (required)
                           --archive DIR        default DIR/../archive of the inbox
                           --rejected DIR       default DIR/../rejected of the inbox
                           --quiet-seconds S    a folder without a _SUCCESS marker is ready when its
                                                files stay unchanged for S seconds, default 120
                           --once               look once now and exit: 0 all ready nights loaded or
                                                skipped, 2 one was refused, 1 a run failed
                           and the options of run but --input and --as-of
          reports        Write the Excel scorecards and PDF reports of an existing warehouse
                         (read-only) without running the job.
                           --warehouse FILE     the DuckDB warehouse file (required)
                           --out DIR            written under DIR/<as-of>/, default reports/
                           --as-of YYYY-MM-DD   default the warehouse's as-of date (its latest run);
                                                an earlier night it remembers is rebuilt from
                                                that night's archived export (--archive or
                                                --input); for another date, build a warehouse
                                                as of it (run --as-of)
                           --archive DIR        the schedule's archive, searched for the night's
                                                export (by the SHA-256 its load recorded)
                           --input DIR          the night's export folder itself
                           --config, --dialect, --mapping, --memory-limit, --settings
                                                as for run: the settings that night used
                           --benchmarks FILE    as for run
          export         Write the warehouse (read-only) as Parquet for Spark, Trino or DuckDB:
                         every table of core, marts and meta and the marts views, one folder
                         per table DIR/<schema>/<table>/, the core facts and the marts of deals
                         per period partitioned by month (month=YYYY-MM/), and DIR/manifest.json
                         (load id, as-of, columns and types, rows, files). Written beside DIR
                         and renamed into place: an earlier export at DIR is replaced whole
                         (README "Parquet for Spark, Trino and DuckDB").
                           --warehouse FILE     the DuckDB warehouse file (required)
                           --parquet DIR        the folder to write (required): new, empty, or an
                                                earlier export
          generate       Write demo exports of a believable B2B pipeline.
                           --out DIR            folder to write (required)
                           --deals N            number of deals, default 5000
                           --seed S             seed, default 42 (same seed, same bytes)
                           --as-of YYYY-MM-DD   export date, default today (UTC)
                           --reps N             N sales reps in teams of about 8 (ids R0001..);
                                                default 0: the fixed roster of 35 reps in 5 teams
                           --dialect NAME       canonical (default), salesforce or hubspot: the same
                                                pipeline as that CRM's export files
                           --nights N           N >= 3 consecutive nights of one evolving CRM ending at
                                                --as-of (canonical): DIR/YYYY-MM-DD/ per night with
                                                _SUCCESS last, one night re-delivered (_redelivered),
                                                one without stage history; what happened in DIR/truth/
                                                (pipeline_snapshot, nights, deleted_deals, team_changes
                                                .csv; README "The command line")
          bench          Time the load of N generated deals against DuckDB's bare read_csv.
                           --deals N            default 1000000
                           --dir DIR            work folder, default bench/
                           --seed S             default 42
                           --memory-limit SIZE  DuckDB's limit for the job, default 1GB (10M
                                                deals: 4GB); larger results spill beside the
                                                warehouse
          bench-reports  Time the Excel scorecards and PDF reports for the demo roster, 250, 1,000
                         and 10,000 reps (sizes up to --reps), with peak memory of the writing.
                           --reps N             largest rep count, default 1000
                           --deals-per-rep N    deals generated per rep, default 60
                           --dir DIR            work folder, default bench/
                           --seed S             default 42
          bench-forecast The forecast's backtest accuracy (WAPE, bias, share within 10%, P10-P90
                         coverage) against the weighted-pipeline and run-rate baselines, per seed.
                           --seeds S,S,...      default 42,7,2026
                           --deals N            default 5000
                           --as-of YYYY-MM-DD   default 2026-11-30
                           --dir DIR            work folder, default bench/
          bench-history  A night with a year of snapshots behind it against a first load of the
                         same exports (the snapshot rows of the earlier nights are copies of the
                         first night's, dated back).
                           --deals N            default 1000000
                           --nights N           earlier nights, default 365
                           --dir DIR            work folder, default bench/
          check-nights   Nights of one evolving CRM (generate --nights) loaded through an inbox
                         (schedule --once), timed, then checked: the history-free figures equal a
                         single load of the last export; snapshots, deleted deals, rep
                         versions and the waterfall's ends a night gave equal the generator's
                         record; the re-delivered night skipped.
                           --nights N           default 30
                           --deals N            default 5000
                           --seed N             default 42
                           --as-of YYYY-MM-DD   the last night, default 2026-12-15
                           --dir DIR            work folder, default bench/nights-N-DEALS-SEED/
          help           This text.

        Exit codes: 0 success, 2 bad input or usage (the warehouse is unchanged), 1 internal failure.
        """;
}
