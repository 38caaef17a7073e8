using DuckDB.NET.Data;
using Pipeline.Warehouse.Host.Export;

namespace Pipeline.Warehouse.Host.Cli;

public static partial class Commands
{
    /// <summary>
    /// export --parquet DIR: the warehouse (opened read-only) as Parquet for Spark, Trino or DuckDB
    /// on other machines (README "Parquet for Spark, Trino and DuckDB"). Bad input exits 2 before anything is
    /// written; a failure while writing exits 1 and leaves DIR as it was.
    /// </summary>
    public static int Export(Arguments arguments)
    {
        var warehouse = arguments.Required("warehouse");
        var directory = arguments.Required("parquet");
        if (string.IsNullOrWhiteSpace(warehouse) || string.IsNullOrWhiteSpace(directory))
            throw new Pipeline.Warehouse.Ingest.InputException("export needs a path after --warehouse and after --parquet. Run ./run-etl.sh help.");
        ExportResult result;
        try
        {
            result = ParquetExport.Write(warehouse, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDBException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: the export to {Path.GetFullPath(directory)} failed: {e.Message.Split('\n')[0]} "
                + "Nothing there changed (an earlier export is still whole); the warehouse was only read. Free space or fix the folder's permissions and export again.");
            return ExitCodes.Failure;
        }
        var manifest = result.Manifest;
        var tables = manifest.Tables.Count(t => t.Kind == "table");
        var views = manifest.Tables.Count - tables;
        var partitioned = string.Join(", ", manifest.Tables.Where(t => t.Partition is not null)
            .Select(t => $"{t.Schema}.{t.Name} by {t.Partition!.SourceColumn} ({t.Partition.Partitions} {(t.Partition.Partitions == 1 ? "month" : "months")})"));
        Console.WriteLine(
            $"Exported {tables} tables and {views} views ({manifest.Tables.Sum(t => t.Rows):N0} rows, {manifest.Tables.Sum(t => t.Files.Count):N0} Parquet files) "
            + $"of load {manifest.LoadId}, as of {manifest.AsOf}, from {Path.GetFullPath(warehouse)} to {result.Folder} in {result.Elapsed.TotalSeconds:0.0} s "
            + $"(peak memory {Machine.PeakMemoryMiB():N0} MiB).");
        if (partitioned.Length > 0)
            Console.WriteLine($"Partitioned by month (month=YYYY-MM/): {partitioned}.");
        Console.WriteLine($"Manifest: {Path.Combine(result.Folder, ExportManifest.FileName)}");
        return ExitCodes.Success;
    }
}
