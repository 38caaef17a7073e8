using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>A past load of the warehouse and the hash of the export it read.</summary>
public sealed record LoadedExport(int LoadId, DateOnly AsOf, string Hash);

/// <summary>
/// The record of loaded exports is the warehouse's own run log: meta.load_file keeps each load's
/// files and their SHA-256, and it is carried into every new warehouse file and swapped with it,
/// so the record can never disagree with the warehouse.
/// </summary>
public static class LoadedExports
{
    /// <summary>Every load of the warehouse with its export hash, oldest first; none when there is no warehouse yet.</summary>
    public static IReadOnlyList<LoadedExport> Read(string warehouse)
    {
        if (!File.Exists(warehouse))
            return [];
        using var connection = WarehouseConnection.Open(warehouse, readOnly: true);
        using var command = Sql.Command(connection, """
            select f.load_id, strftime(r.as_of, '%Y-%m-%d'), f.file, f.sha256
            from meta.load_file f join meta.etl_run r using (load_id)
            order by f.load_id
            """);
        using var reader = command.ExecuteReader();
        var files = new List<(int LoadId, DateOnly AsOf, string File, string Sha256)>();
        while (reader.Read())
            files.Add((reader.GetInt32(0), DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2), reader.GetString(3)));
        return [.. files.GroupBy(f => (f.LoadId, f.AsOf)).Select(g => new LoadedExport(g.Key.LoadId, g.Key.AsOf, ExportHash.Of(g.Select(f => (f.File, f.Sha256)))))];
    }
}
