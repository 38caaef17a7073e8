using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Warehouse.Host.Export;

/// <summary>
/// <c>export --parquet DIR</c>: every table of core, marts and meta (and the marts views) of a
/// warehouse opened read-only, written by DuckDB's own <c>COPY ... TO ... (FORMAT parquet)</c> as
/// DIR/&lt;schema&gt;/&lt;table&gt;/, the core facts hive-partitioned by month
/// (<see cref="ExportTable.PartitionSource"/>), with DIR/manifest.json (<see cref="ExportManifest"/>).
/// </summary>
public static class ParquetExport
{
    public const string Compression = "snappy";

    /// <summary>DuckDB's memory limit while exporting, as the nightly job's default.</summary>
    public const string MemoryLimit = "1GB";

    /// <summary>Writes the export; throws <see cref="InputException"/> for a missing or foreign warehouse or an unusable folder, before anything is written.</summary>
    public static ExportResult Write(string warehouse, string directory)
    {
        var clock = Stopwatch.StartNew();
        var warehousePath = Path.GetFullPath(warehouse);
        using var connection = Open(warehousePath);
        var (loadId, asOf) = LatestLoad(connection, warehousePath);
        var tables = WarehouseCatalog.Tables(connection);
        string version;
        using (var command = Sql.Command(connection, "select version()"))
            version = command.ExecuteScalar() as string ?? "unknown";

        using var folder = ExportFolder.Lock(directory);
        // The job's default memory limit; beyond it DuckDB spills beside DIR, not beside the warehouse (which may be read-only to us).
        Sql.Execute(connection, $"set memory_limit = '{MemoryLimit}'");
        Sql.Execute(connection, "set temp_directory = $path", ("path", folder.Spill));
        var written = tables.Select(table => WriteTable(connection, table, folder.Partial)).ToList();
        var manifest = new ExportManifest(ExportManifest.FormatName, 1, Path.GetFileName(warehousePath), loadId,
            asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "DuckDB " + version, Compression, written);
        File.WriteAllText(Path.Combine(folder.Partial, ExportManifest.FileName), manifest.ToJson());
        folder.Publish();
        return new ExportResult(folder.Path, manifest, clock.Elapsed);
    }

    /// <summary>The warehouse, read-only (an analyst or the nightly run may hold it); a file that is none is bad input.</summary>
    private static DuckDBConnection Open(string warehouse)
    {
        const string what = "Pass the file a run wrote (--warehouse), or run the job first: ./run-etl.sh run --input DIR --warehouse FILE.";
        if (Directory.Exists(warehouse))
            throw new InputException($"--warehouse {warehouse} is a folder. {what}");
        if (!File.Exists(warehouse))
            throw new InputException($"No warehouse at {warehouse}. {what}");
        DuckDBConnection connection;
        try
        {
            connection = WarehouseConnection.Open(warehouse, readOnly: true);
        }
        catch (DuckDBException e)
        {
            throw new InputException($"{warehouse} cannot be read as a warehouse: {e.Message.Split('\n')[0]} {what}");
        }
        try
        {
            // Timestamps are UTC wall clocks; a TIMESTAMP WITH TIME ZONE is written as its UTC one.
            Sql.Execute(connection, "set TimeZone = 'UTC'");
            if (Sql.Scalar(connection, "select count(*) from duckdb_tables() where database_name = current_database() and schema_name = 'meta' and table_name = 'etl_run'") == 0)
                throw new InputException($"{warehouse} is a DuckDB file but not a Pipeline Warehouse (it has no meta.etl_run). {what}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The latest run of the run log: the load and as-of date the export holds (never the clock).</summary>
    private static (int LoadId, DateOnly AsOf) LatestLoad(DuckDBConnection connection, string warehouse)
    {
        using var command = Sql.Command(connection, "select load_id, as_of from meta.etl_run order by load_id desc limit 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            throw new InputException($"The warehouse {warehouse} has no run in meta.etl_run, so there is no load to export: run the job first (./run-etl.sh run --input DIR --warehouse FILE).");
        return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetFieldValue<DateOnly>(1));
    }

    private static ManifestTable WriteTable(DuckDBConnection connection, ExportTable table, string root)
    {
        var folder = Path.Combine(root, table.Schema, table.Name);
        var rows = Sql.Scalar(connection, $"select count(*) from {table.QuotedName}");
        var select = string.Join(", ", table.Columns.Select(c => c.SelectExpression));
        // An empty fact has no month to partition by: it is one empty file with the columns, like any small table.
        var source = rows > 0 ? table.PartitionSource : null;
        if (source is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            var month = source.DuckDbType == "TIMESTAMP WITH TIME ZONE"
                ? $"strftime(timezone('UTC', {SqlNames.Quote(source.Name)}), '%Y-%m')"
                : $"strftime({SqlNames.Quote(source.Name)}, '%Y-%m')";
            var partition = SqlNames.Quote(table.PartitionColumn);
            // The path is a prepared parameter: any folder name works, quotes included.
            Sql.Execute(connection,
                $"copy (select {select}, {month} as {partition} from {table.QuotedName}) to $path (format parquet, compression {Compression}, partition_by ({partition}))",
                ("path", folder));
        }
        else
        {
            Directory.CreateDirectory(folder);
            Sql.Execute(connection,
                $"copy (select {select} from {table.QuotedName}) to $path (format parquet, compression {Compression})",
                ("path", Path.Combine(folder, "data_0.parquet")));
        }

        var files = Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var written = files.Sum(f => Sql.Scalar(connection, "select num_rows from parquet_file_metadata($file)", ("file", Path.Combine(root, f))));
        if (written != rows)
            throw new InvalidOperationException($"{table.Schema}.{table.Name} has {rows:N0} rows but its Parquet files hold {written:N0}.");
        var types = ParquetFileSchema.Read(connection, Path.Combine(root, files[0]));
        var columns = table.Columns.Select(c =>
        {
            var type = types[c.Name];
            return new ManifestColumn(c.Name, c.DuckDbType, c.ExportedType, type.PhysicalType, type.LogicalType, c.Description);
        }).ToList();
        var partitions = source is null ? null
            : new ManifestPartition(table.PartitionColumn, source.Name, "YYYY-MM", "hive",
                files.Select(f => f.Split('/')[2]).Distinct(StringComparer.Ordinal).Count());
        return new ManifestTable(table.Schema, table.Name, table.Kind, table.Description, table.RelativeFolder, rows, partitions, columns, files);
    }
}
