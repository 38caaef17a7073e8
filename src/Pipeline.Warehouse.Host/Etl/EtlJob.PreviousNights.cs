using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// What the models know of the nights before this one (METRICS.md section 9): the snapshots of
/// deals and reps the current warehouse holds, and the deals its last night loaded. The models
/// read them through temp views over the previous warehouse, attached read-only for the whole
/// build, so the history is copied once, into the new file's core tables, and never rewritten.
/// Without a previous warehouse (or one built before snapshots) they are empty tables.
/// </summary>
public sealed partial class EtlJob
{
    private sealed record PreviousTable(string Name, string Source, string Columns, string Select);

    private static readonly PreviousTable[] PreviousTables =
    [
        new("previous_pipeline_snapshot", "fact_pipeline_snapshot",
            "snapshot_date date, deal_id varchar, rep_id varchar, stage varchar, status varchar, amount decimal(18, 2), expected_close_date date, load_id integer",
            "snapshot_date, deal_id, rep_id, stage, status, amount, expected_close_date, load_id"),
        new("previous_rep_snapshot", "fact_rep_snapshot",
            "snapshot_date date, rep_id varchar, rep_name varchar, email varchar, manager_id varchar, team varchar, region varchar, is_active boolean, load_id integer",
            "snapshot_date, rep_id, rep_name, email, manager_id, team, region, is_active, load_id"),
        new("previous_deals", "fact_deal",
            "deal_id varchar, rep_id varchar, stage varchar, status varchar, amount decimal(18, 2), expected_close_date date",
            "deal_id, rep_id, current_stage as stage, status, amount, expected_close_date"),
    ];

    /// <summary>The newest night the previous warehouse remembers; null when none.</summary>
    private DateOnly? _newestNight;

    /// <summary>Empty previous tables, for a first run.</summary>
    private static void CreateEmptyPreviousNights(DuckDBConnection connection)
    {
        foreach (var table in PreviousTables)
            Sql.Execute(connection, $"create or replace temp table {table.Name} ({table.Columns})");
    }

    /// <summary>
    /// Views over the attached previous warehouse. The deals of its last night count only when that
    /// night is before this one (they say which deals disappeared since).
    /// </summary>
    private void ReadPreviousNights(DuckDBConnection connection, DateOnly asOf)
    {
        var previousAsOf = Sql.Date(connection, "select as_of from previous.meta.etl_run order by load_id desc limit 1");
        foreach (var table in PreviousTables)
        {
            var exists = Sql.Scalar(connection,
                "select count(*) from duckdb_tables() where database_name = 'previous' and schema_name = 'core' and table_name = $name",
                ("name", table.Source)) > 0;
            var isDeals = table.Source == "fact_deal";
            // A past night rebuilt sees the nights up to it (its own rows too: the deletions it recorded), never the deals of a later night.
            var usable = exists && (!isDeals || (options.PastNight is null && (previousAsOf is not { } night || night < asOf)));
            var upToPastNight = options.PastNight is { } past && !isDeals
                ? $" where snapshot_date <= date '{past.Night:yyyy-MM-dd}'"
                : "";
            Sql.Execute(connection, usable
                ? $"create or replace temp view {table.Name} as select {table.Select} from previous.core.{table.Source}{upToPastNight}"
                : $"create or replace temp table {table.Name} ({table.Columns})");
        }
        _newestNight = Sql.Date(connection, "select max(snapshot_date) from previous_pipeline_snapshot");
    }

    /// <summary>
    /// A run for an as-of older than the newest night would rewrite the past: refused unless it
    /// replays that night. Decided with the other checks after the core, so that an as-of before
    /// every deal is told as such first.
    /// </summary>
    private void CheckNotOlderThanNewestNight(WarehouseFile warehouse, DateOnly asOf)
    {
        if (_newestNight is { } last && asOf < last && !options.Replay)
            throw new InputException(
                $"The warehouse {warehouse.Path} remembers the nights up to {last:yyyy-MM-dd}; a run as of {asOf:yyyy-MM-dd} would rewrite the past. The warehouse was not changed. "
                + $"To rebuild the snapshot of {asOf:yyyy-MM-dd} from this export (that date's rows only, the other nights stay as they are), run again with --replay; "
                + $"for a report of {asOf:yyyy-MM-dd}, build a separate warehouse file.");
    }

    /// <summary>
    /// A past night rebuilt must give the rows that night wrote, every deal and rep snapshot of it
    /// (the same load id too); otherwise its reports would not be that night's, and none are written.
    /// </summary>
    private static void CheckPastNightRebuilt(DuckDBConnection connection, PastNight past)
    {
        foreach (var table in PreviousTables.Where(t => t.Source != "fact_deal"))
        {
            var differing = Sql.Scalar(connection, $"""
                select count(*) from (
                    (select {table.Select} from core.{table.Source} where snapshot_date = $night
                     except all select {table.Select} from {table.Name} where snapshot_date = $night)
                    union all
                    (select {table.Select} from {table.Name} where snapshot_date = $night
                     except all select {table.Select} from core.{table.Source} where snapshot_date = $night))
                """, ("night", past.Night));
            if (differing > 0)
                throw new InputException(
                    $"Rebuilt from its export, the night of {past.Night:yyyy-MM-dd} gives {differing:N0} rows of core.{table.Source} other than those load {past.LoadId} wrote that night, "
                    + "so its reports would not be that night's: nothing was written. The export, the settings or this version of Pipeline Warehouse differ from that night's.");
        }
    }

    /// <summary>The previous warehouse is read until the data tests have compared the carried nights; then it is let go.</summary>
    private static void ForgetPreviousNights(DuckDBConnection connection)
    {
        foreach (var table in PreviousTables)
        {
            var isView = Sql.Scalar(connection, "select count(*) from duckdb_views() where temporary and view_name = $name", ("name", table.Name)) > 0;
            Sql.Execute(connection, $"drop {(isView ? "view" : "table")} if exists temp.main.{table.Name}");
        }
        Sql.Execute(connection, "detach database if exists previous");
    }
}
