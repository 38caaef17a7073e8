using System.Diagnostics;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Etl;

public sealed partial class EtlJob
{
    /// <summary>
    /// Creates the meta tables in the new file and copies the rows that earlier runs left in the
    /// current warehouse, so meta.* keeps the history of every run; returns the next load_id. The
    /// current warehouse stays attached (read-only) as <c>previous</c> for the models to read the
    /// nights before (<see cref="ReadPreviousNights"/>), until <see cref="ForgetPreviousNights"/>.
    /// </summary>
    private int CarryOverHistory(DuckDBConnection connection, WarehouseFile warehouse, DateOnly asOf)
    {
        Sql.Execute(connection, File.ReadAllText(Path.Combine(SqlRoot(), "meta", "meta_tables.sql")));
        CreatePreviousEstimates(connection);
        if (!warehouse.Exists)
        {
            CreateEmptyPreviousNights(connection);
            return 1;
        }
        if (File.Exists(warehouse.Path + ".wal"))
            MergeWriteAheadLog(warehouse.Path);
        var path = warehouse.Path.Replace("'", "''");
        try
        {
            Sql.Execute(connection, $"attach '{path}' as previous (read_only)");
        }
        catch (DuckDBException e)
        {
            throw new InputException($"Cannot read the current warehouse {warehouse.Path}: {e.Message.Split('\n')[0]} If another program has it open for writing, close it and run again.");
        }
        try
        {
            var hasMeta = Sql.Scalar(connection, "select count(*) from duckdb_tables() where database_name = 'previous' and schema_name = 'meta' and table_name = 'etl_run'");
            if (hasMeta == 0)
                throw new InputException($"{warehouse.Path} exists but is not a Pipeline Warehouse (it has no meta.etl_run). Pass another --warehouse path, or move that file away.");
            Sql.Execute(connection, """
                insert into meta.etl_run select * from previous.meta.etl_run;
                insert into meta.load_file select * from previous.meta.load_file;
                insert into meta.rejected_row select * from previous.meta.rejected_row;
                """);
            CarryOverEstimates(connection);
            if (Sql.Scalar(connection, "select count(*) from duckdb_tables() where database_name = 'previous' and schema_name = 'core' and table_name = 'fact_deal'") > 0)
                _previousDeals = Sql.Scalar(connection, "select count(*) from previous.core.fact_deal");
            ReadPreviousNights(connection, asOf);
            return (int)Sql.Scalar(connection, "select coalesce(max(load_id), 0) + 1 from meta.etl_run");
        }
        catch
        {
            ForgetPreviousNights(connection);
            throw;
        }
    }

    /// <summary>A warehouse some client left with a write-ahead log: fold it in before it is replaced.</summary>
    private static void MergeWriteAheadLog(string path)
    {
        using var previous = Pipeline.Warehouse.Reports.WarehouseConnection.Open(path);
        Sql.Execute(previous, "checkpoint");
    }

    private RunResult WriteRunLog(DuckDBConnection connection, int loadId, DateOnly asOf, DateTime started,
        IReadOnlyList<FileAccount> accounts, IReadOnlyList<RejectedRow> rejected, string dialect, Stopwatch clock)
    {
        using (var appender = connection.CreateAppender("meta", "rejected_row"))
            foreach (var row in rejected)
                appender.CreateRow().AppendValue(loadId).AppendValue(row.File).AppendValue(row.Line)
                    .AppendValue(row.Column).AppendValue(row.Value).AppendValue(row.Reason).EndRow();
        using (var appender = connection.CreateAppender("meta", "load_file"))
            foreach (var file in accounts)
                appender.CreateRow().AppendValue(loadId).AppendValue(file.File).AppendValue(file.Dialect).AppendValue(file.Sha256)
                    .AppendValue(file.Rows).AppendValue(file.Loaded).AppendValue(file.Rejected).AppendValue(file.Duplicates).EndRow();

        var deals = Sql.Scalar(connection, "select count(*) from core.fact_deal");
        var transitions = Sql.Scalar(connection, "select count(*) from core.fact_stage_transition");
        var synthesized = Sql.Scalar(connection, "select count(distinct deal_id) from core.fact_stage_transition where is_synthesized");
        var unknownLeadTypes = Sql.Scalar(connection, "select count(*) from core.fact_deal where lead_type = 'unknown'");
        var unknownSizes = Sql.Scalar(connection, "select count(*) from core.fact_deal where company_size = 'unknown'");
        var afterAsOf = Sql.Scalar(connection, "select count(*) from int_deals where is_after_as_of");
        var estimated = Sql.Scalar(connection, "select count(*) from core.fact_deal where created_at_is_estimated");
        var message = $"dialect {dialect}; input {Path.GetFullPath(options.Input)}; {deals} deals, {transitions} transitions; "
            + $"{accounts.Sum(a => a.Duplicates)} exact duplicates; {synthesized} deals with synthesized history; "
            + $"{unknownLeadTypes} unknown lead types; {unknownSizes} unknown company sizes; {afterAsOf} deals created after the as-of date"
            + (estimated > 0 ? $"; {estimated} estimated creation dates" : "")
            + (_freshnessWarning is { } stale ? $"; warning: {stale}" : "");
        Sql.Execute(connection, """
            insert into meta.etl_run values ($load_id, $started_at, $finished_at, $as_of, 'succeeded', $input_files, $rows_loaded, $rows_rejected, $message)
            """,
            ("load_id", loadId), ("started_at", started), ("finished_at", DateTime.UtcNow), ("as_of", asOf),
            ("input_files", accounts.Count), ("rows_loaded", accounts.Sum(a => a.Loaded)), ("rows_rejected", accounts.Sum(a => a.Rejected)),
            ("message", message));
        return new RunResult(loadId, asOf, Path.GetFullPath(options.Warehouse), accounts, deals, transitions, synthesized,
            unknownLeadTypes, unknownSizes, afterAsOf, [], clock.Elapsed) { EstimatedCreatedAt = estimated };
    }
}
