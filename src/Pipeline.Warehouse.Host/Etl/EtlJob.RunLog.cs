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
        var past = options.PastNight;
        if (past is null && !warehouse.Exists)
        {
            CreateEmptyPreviousNights(connection);
            return 1;
        }
        // A past night is rebuilt from the warehouse that remembers it, only read; an ordinary run reads the file it replaces.
        var source = past?.Warehouse ?? warehouse.Path;
        if (past is null && File.Exists(source + ".wal"))
            MergeWriteAheadLog(source);
        try
        {
            Sql.Execute(connection, $"attach '{source.Replace("'", "''")}' as previous (read_only)");
        }
        catch (DuckDBException e)
        {
            throw new InputException($"Cannot read the current warehouse {source}: {e.Message.Split('\n')[0]} If another program has it open for writing, close it and run again.");
        }
        try
        {
            var hasMeta = Sql.Scalar(connection, "select count(*) from duckdb_tables() where database_name = 'previous' and schema_name = 'meta' and table_name = 'etl_run'");
            if (hasMeta == 0)
                throw new InputException($"{source} exists but is not a Pipeline Warehouse (it has no meta.etl_run). Pass another --warehouse path, or move that file away.");
            // The run log as it stood before the night's load, for a past night (its own rows are copied once the rebuild matches them).
            var before = past is null ? "" : $" where load_id < {past.LoadId}";
            Sql.Execute(connection, $"""
                insert into meta.etl_run select * from previous.meta.etl_run{before};
                insert into meta.load_file select * from previous.meta.load_file{before};
                insert into meta.rejected_row select * from previous.meta.rejected_row{before};
                """);
            CarryOverEstimates(connection);
            if (past is null && Sql.Scalar(connection, "select count(*) from duckdb_tables() where database_name = 'previous' and schema_name = 'core' and table_name = 'fact_deal'") > 0)
                _previousDeals = Sql.Scalar(connection, "select count(*) from previous.core.fact_deal");
            ReadPreviousNights(connection, asOf);
            return past?.LoadId ?? (int)Sql.Scalar(connection, "select coalesce(max(load_id), 0) + 1 from meta.etl_run");
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
        if (options.PastNight is null)
            AppendFiles(connection, loadId, accounts, rejected);

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
        if (options.PastNight is { } past)
            CopyRunOfPastNight(connection, past, accounts);
        else
            Sql.Execute(connection, """
                insert into meta.etl_run values ($load_id, $started_at, $finished_at, $as_of, 'succeeded', $input_files, $rows_loaded, $rows_rejected, $message)
                """,
                ("load_id", loadId), ("started_at", started), ("finished_at", DateTime.UtcNow), ("as_of", asOf),
                ("input_files", accounts.Count), ("rows_loaded", accounts.Sum(a => a.Loaded)), ("rows_rejected", accounts.Sum(a => a.Rejected)),
                ("message", message));
        return new RunResult(loadId, asOf, Path.GetFullPath(options.Warehouse), accounts, deals, transitions, synthesized,
            unknownLeadTypes, unknownSizes, afterAsOf, [], clock.Elapsed) { EstimatedCreatedAt = estimated };
    }

    private static void AppendFiles(DuckDBConnection connection, int loadId, IReadOnlyList<FileAccount> accounts, IReadOnlyList<RejectedRow> rejected)
    {
        using (var appender = connection.CreateAppender("meta", "rejected_row"))
            foreach (var row in rejected)
                appender.CreateRow().AppendValue(loadId).AppendValue(row.File).AppendValue(row.Line)
                    .AppendValue(row.Column).AppendValue(row.Value).AppendValue(row.Reason).EndRow();
        using (var appender = connection.CreateAppender("meta", "load_file"))
            foreach (var file in accounts)
                appender.CreateRow().AppendValue(loadId).AppendValue(file.File).AppendValue(file.Dialect).AppendValue(file.Sha256)
                    .AppendValue(file.Rows).AppendValue(file.Loaded).AppendValue(file.Rejected).AppendValue(file.Duplicates).EndRow();
    }

    /// <summary>
    /// A past night rebuilt is the night's load again only when it read the same files with the same
    /// outcome (rows, loaded, rejected, duplicates): then the night's own run-log rows are copied, so
    /// its reports say what that night's said. Otherwise (another export, another config) refused.
    /// </summary>
    private void CopyRunOfPastNight(DuckDBConnection connection, PastNight past, IReadOnlyList<FileAccount> accounts)
    {
        var recorded = new List<string>();
        using (var command = Sql.Command(connection, "select file, sha256, rows, loaded, rejected, duplicates from previous.meta.load_file where load_id = $load_id order by file",
            ("load_id", past.LoadId)))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                recorded.Add(FileLine(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        var rebuilt = accounts.OrderBy(a => a.File, StringComparer.Ordinal).Select(a => FileLine(a.File, a.Sha256, a.Rows, a.Loaded, a.Rejected, a.Duplicates)).ToList();
        if (!recorded.SequenceEqual(rebuilt))
            throw new InputException(
                $"The export in {options.Input} does not rebuild the night of {past.Night:yyyy-MM-dd} as load {past.LoadId} recorded it. "
                + $"Load {past.LoadId} read: {string.Join("; ", recorded)}. This rebuild read: {string.Join("; ", rebuilt)}. Nothing was written. "
                + "Pass the night's own archived export, with the settings (--config, --mapping, --dialect) that night's run used.");
        Sql.Execute(connection, """
            insert into meta.etl_run select * from previous.meta.etl_run where load_id = $load_id;
            insert into meta.load_file select * from previous.meta.load_file where load_id = $load_id;
            insert into meta.rejected_row select * from previous.meta.rejected_row where load_id = $load_id;
            """, ("load_id", past.LoadId));
    }

    private static string FileLine(string file, string sha256, long rows, long loaded, long rejected, long duplicates) =>
        $"{file} (sha256 {sha256[..12]}, {rows:N0} rows: {loaded:N0} loaded, {rejected:N0} rejected, {duplicates:N0} duplicates)";
}
