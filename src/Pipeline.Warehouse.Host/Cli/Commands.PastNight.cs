using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    /// <summary>
    /// The run that loaded <paramref name="night"/> (the load id of its snapshot rows) when the
    /// warehouse remembers that night and it is not the warehouse's own as-of; otherwise null.
    /// </summary>
    private static int? LoadOfEarlierNight(string warehouse, DateOnly night)
    {
        using var connection = OpenForReading(warehouse);
        if (Sql.Scalar(connection, "select count(*) from duckdb_tables() where schema_name = 'core' and table_name = 'fact_pipeline_snapshot'") == 0
            || Sql.Scalar(connection, "select count(*) from duckdb_tables() where schema_name = 'meta' and table_name = 'etl_run'") == 0)
            return null;
        var load = Sql.Scalar(connection, """
            select coalesce(max(load_id), 0) from core.fact_pipeline_snapshot
            where snapshot_date = $night and $night <> (select as_of from meta.etl_run order by load_id desc limit 1)
            """, ("night", night));
        return load == 0 ? null : (int)load;
    }

    /// <summary>
    /// reports --as-of D for a night D the warehouse remembers, other than its latest: the night is
    /// rebuilt in a scratch file from its archived export (found by the SHA-256 its load recorded),
    /// with the warehouse's history up to D and its run log up to D's load, checked to give the rows
    /// D wrote, and its reports written from it; they are byte for byte the reports written the
    /// night after D (README "Reports for a past night"). The warehouse is only read.
    /// </summary>
    private static int ReportsForPastNight(Arguments arguments, string warehouse, DateOnly night, int loadId, Pipeline.Warehouse.Reports.Benchmarks.BenchmarkTable benchmarks)
    {
        var clock = Stopwatch.StartNew();
        var day = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var settings = HostSettings.Load(arguments).Etl;
        var hash = LoadedExports.Read(warehouse).FirstOrDefault(l => l.LoadId == loadId)?.Hash
            ?? throw new InputException($"The warehouse {warehouse} remembers the night of {day} (load {loadId}) but its run log (meta.load_file) holds no files of that load, so its export cannot be recognised. Nothing was written.");
        var export = FindExport(arguments, settings, warehouse, day, loadId, hash);

        var scratch = Directory.CreateTempSubdirectory("pipeline-warehouse-night-");
        try
        {
            var file = Path.Combine(scratch.FullName, $"night-{day}.duckdb");
            var options = settings.With(o =>
            {
                o.Input = export;
                o.AsOf = night;
                o.Warehouse = file;
                o.Reports = null;
                o.Replay = false;
                o.AllowShrink = false;
                o.Freshness = FreshnessOptions.None;
                o.PastNight = new PastNight(warehouse, night, loadId);
            });
            using (var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)))
                new EtlJob(options, new LogObserver(loggers.CreateLogger<EtlJob>())).Run();
            var rebuilt = clock.Elapsed;
            Console.WriteLine($"Rebuilt the night of {day} (load {loadId}) from {export} (its files are those load {loadId} read, by SHA-256) in {rebuilt.TotalSeconds:0.0} s.");
            return WriteReports(arguments, file, benchmarks, night, $"of {warehouse} (the night rebuilt)");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The night's export: --input, which must be the export the load read, else the folder of the
    /// archive (--archive) named for the night (YYYY-MM-DD, with a suffix or ".2" when moved twice) whose files are.
    /// </summary>
    private static string FindExport(Arguments arguments, EtlOptions settings, string warehouse, string day, int loadId, string hash)
    {
        string? HashOf(string folder) => ExportHash.OfExport(settings.With(o => o.Input = folder));
        if (arguments.Get("input") is { } input)
        {
            var folder = Path.GetFullPath(input);
            var found = HashOf(folder);
            if (found != hash)
                throw new InputException(
                    $"{folder} is not the export load {loadId} read for the night of {day}: its files hash to {found?[..12] ?? "nothing (no export there)"}, load {loadId}'s to {hash[..12]} "
                    + "(SHA-256 of the files' names and contents). Nothing was written. Pass the night's own folder from the archive (--input), or the archive (--archive DIR) to search it.");
            return folder;
        }
        if (arguments.Get("archive") is not { } archive)
            throw new InputException(
                $"The warehouse {warehouse} remembers the night of {day} (load {loadId}), not as its latest night: its reports are rebuilt from that night's export. "
                + $"Pass the schedule's archive folder (--archive DIR), where the night's folder {day} was moved when it was loaded, or the night's export (--input DIR). Nothing was written.");
        var root = Path.GetFullPath(archive);
        if (!Directory.Exists(root))
            throw new InputException($"The archive {root} (--archive) is not a folder. Pass the folder the schedule moves loaded nights to (Schedule:Archive; by default \"archive\" beside the inbox).");
        var candidates = Directory.GetDirectories(root, day + "*").Order(StringComparer.Ordinal).ToList();
        return candidates.FirstOrDefault(folder => HashOf(folder) == hash)
            ?? throw new InputException(
                $"No folder of the archive {root} holds the export load {loadId} read for the night of {day} (files hashing to {hash[..12]}): "
                + (candidates.Count == 0 ? $"none is named {day}." : $"{string.Join(", ", candidates.Select(Path.GetFileName))} hold other files.")
                + " Nothing was written. Pass the night's export with --input DIR if it is kept elsewhere.");
    }
}
