using System.Security.Cryptography;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Fixtures;

/// <summary>Compares warehouses: byte for byte, or table by table through DuckDB.</summary>
public static class WarehouseCompare
{
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>
    /// For every table of schema core and meta in <paramref name="left"/>: the rows (without load_id
    /// and the run's clock columns) that are not in the same table of <paramref name="right"/>, or the
    /// other way round (EXCEPT ALL, so duplicates count). Empty when the tables are identical.
    /// </summary>
    public static List<string> Differences(string left, string right)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Sql.Execute(connection, $"attach '{left.Replace("'", "''")}' as l (read_only); attach '{right.Replace("'", "''")}' as r (read_only)");
        var tables = new List<(string Schema, string Table)>();
        using (var command = Sql.Command(connection, "select schema_name, table_name from duckdb_tables() where database_name = 'l' and schema_name in ('core', 'meta', 'marts') order by all"))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                tables.Add((reader.GetString(0), reader.GetString(1)));
        var differences = new List<string>();
        foreach (var (schema, table) in tables)
        {
            var excluded = schema == "meta" ? "exclude (load_id" + (table == "etl_run" ? ", started_at, finished_at, message)" : ")") : "exclude (load_id)";
            var columns = Sql.Scalar(connection, "select count(*) from duckdb_columns() where database_name = 'l' and schema_name = $s and table_name = $t and column_name = 'load_id'", ("s", schema), ("t", table)) > 0
                ? excluded : "";
            foreach (var (a, b) in new[] { ("l", "r"), ("r", "l") })
            {
                var count = Sql.Scalar(connection, $"select count(*) from (select * {columns} from {a}.{schema}.{table} except all select * {columns} from {b}.{schema}.{table})");
                if (count > 0)
                    differences.Add($"{schema}.{table}: {count} rows of {a} not in {b}");
            }
        }
        if (tables.Count == 0)
            differences.Add("no tables");
        return differences;
    }
}
