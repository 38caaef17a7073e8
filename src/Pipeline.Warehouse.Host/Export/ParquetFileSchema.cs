using System.Globalization;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Export;

/// <summary>
/// The Parquet types DuckDB actually wrote for each top-level column of a file (parquet_schema()):
/// the physical type and the logical type in the Parquet specification's terms, for the manifest.
/// </summary>
public static class ParquetFileSchema
{
    public sealed record ColumnType(string PhysicalType, string? LogicalType);

    public static IReadOnlyDictionary<string, ColumnType> Read(DuckDBConnection connection, string file)
    {
        using var command = Sql.Command(connection,
            "select name, type, num_children, converted_type, logical_type, scale, precision from parquet_schema($file)",
            ("file", file));
        using var reader = command.ExecuteReader();
        var rows = new List<(string Name, string? Type, long Children, string? Converted, string? Logical, long? Scale, long? Precision)>();
        while (reader.Read())
            rows.Add((reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? 0 : Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture)));
        // The rows are the schema tree depth first: the root, then each column with its children after it.
        var columns = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
        var index = 1;
        for (var column = 0; column < (rows.Count > 0 ? rows[0].Children : 0); column++)
        {
            var row = rows[index];
            columns[row.Name] = new ColumnType(row.Type ?? "group", LogicalType(row.Converted, row.Logical, row.Scale, row.Precision, row.Children));
            index = SkipSubtree(rows.Select(r => r.Children).ToList(), index);
        }
        return columns;
    }

    /// <summary>The index after the subtree that starts at <paramref name="index"/>.</summary>
    private static int SkipSubtree(List<long> children, int index)
    {
        var next = index + 1;
        for (var child = 0; child < children[index]; child++)
            next = SkipSubtree(children, next);
        return next;
    }

    /// <summary>The logical type in the Parquet specification's words: STRING, DATE, DECIMAL(18,2), TIMESTAMP(isAdjustedToUTC=false, unit=MICROS), INTEGER(32,true)...</summary>
    internal static string? LogicalType(string? converted, string? logical, long? scale, long? precision, long children)
    {
        if (logical is not null && logical.StartsWith("TimestampType(", StringComparison.Ordinal))
        {
            var adjusted = logical.Contains("isAdjustedToUTC=1", StringComparison.Ordinal) ? "true" : "false";
            var unit = logical.Contains("MICROS=MicroSeconds()", StringComparison.Ordinal) ? "MICROS"
                : logical.Contains("NANOS=NanoSeconds()", StringComparison.Ordinal) ? "NANOS" : "MILLIS";
            return $"TIMESTAMP(isAdjustedToUTC={adjusted}, unit={unit})";
        }
        if (logical is not null && logical.StartsWith("UUIDType", StringComparison.Ordinal))
            return "UUID";
        return converted switch
        {
            "DECIMAL" => $"DECIMAL({precision},{scale})",
            "UTF8" => "STRING",
            "DATE" => "DATE",
            "INT_8" => "INTEGER(8,true)",
            "INT_16" => "INTEGER(16,true)",
            "INT_32" => "INTEGER(32,true)",
            "INT_64" => "INTEGER(64,true)",
            "UINT_8" => "INTEGER(8,false)",
            "UINT_16" => "INTEGER(16,false)",
            "UINT_32" => "INTEGER(32,false)",
            "UINT_64" => "INTEGER(64,false)",
            "TIMESTAMP_MICROS" => "TIMESTAMP(isAdjustedToUTC=true, unit=MICROS)",
            "TIMESTAMP_MILLIS" => "TIMESTAMP(isAdjustedToUTC=true, unit=MILLIS)",
            "LIST" => "LIST",
            "MAP" => "MAP",
            "JSON" => "JSON",
            null when children > 0 => "STRUCT",
            null => null,
            _ => converted,
        };
    }
}
