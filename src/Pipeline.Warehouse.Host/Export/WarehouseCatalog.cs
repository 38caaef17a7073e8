using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Export;

/// <summary>What the warehouse holds to export, read from its own catalog (never a list kept in code).</summary>
public static class WarehouseCatalog
{
    /// <summary>The schemas exported: the star schema, the metrics and the run log analysts query.</summary>
    public static readonly IReadOnlyList<string> Schemas = ["core", "marts", "meta"];

    /// <summary>
    /// Every table of core, marts and meta (duckdb_tables()) and every view of core and marts
    /// (duckdb_views(): the analysts' convenience views, written with their rows), ordered by
    /// schema and name, with their columns in order and the comments the model runner wrote.
    /// </summary>
    public static IReadOnlyList<ExportTable> Tables(DuckDBConnection connection)
    {
        const string objects = """
            select schema_name, table_name as name, 'table' as kind, comment
            from duckdb_tables()
            where database_name = current_database() and not temporary and schema_name in ('core', 'marts', 'meta')
            union all
            select schema_name, view_name, 'view', comment
            from duckdb_views()
            where database_name = current_database() and not temporary and not internal and schema_name in ('core', 'marts')
            order by schema_name, name
            """;
        var found = new List<(string Schema, string Name, string Kind, string? Comment)>();
        using (var command = Sql.Command(connection, objects))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));

        var columns = new Dictionary<(string, string), List<ExportColumn>>();
        const string columnsSql = """
            select schema_name, table_name, column_name, data_type, comment
            from duckdb_columns()
            where database_name = current_database() and schema_name in ('core', 'marts', 'meta')
            order by schema_name, table_name, column_index
            """;
        using (var command = Sql.Command(connection, columnsSql))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!columns.TryGetValue(key, out var list))
                    columns[key] = list = [];
                list.Add(new ExportColumn(reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : Blank(reader.GetString(4))));
            }
        return [.. found.Select(t => new ExportTable(t.Schema, t.Name, t.Kind, Blank(t.Comment), columns.GetValueOrDefault((t.Schema, t.Name)) ?? []))];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
