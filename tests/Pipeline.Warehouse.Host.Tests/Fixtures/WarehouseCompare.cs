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
    public static List<string> Differences(string left, string right) => Differences(left, right, ["core", "meta", "marts"]);

    /// <summary>
    /// The same over the tables of <paramref name="schemas"/>, leaving out the columns named in
    /// <paramref name="unsaid"/> ("schema.table.column"): what one side's input cannot say.
    /// </summary>
    public static List<string> Differences(string left, string right, string[] schemas, params string[] unsaid)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Sql.Execute(connection, $"attach '{left.Replace("'", "''")}' as l (read_only); attach '{right.Replace("'", "''")}' as r (read_only)");
        var tables = new List<(string Schema, string Table)>();
        // The schemas are the tests' own constants.
        var inSchemas = string.Join(", ", schemas.Select(schema => $"'{schema}'"));
        using (var command = Sql.Command(connection, $"select schema_name, table_name from duckdb_tables() where database_name = 'l' and schema_name in ({inSchemas}) order by all"))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                tables.Add((reader.GetString(0), reader.GetString(1)));
        var differences = new List<string>();
        foreach (var (schema, table) in tables)
        {
            var leftOut = new List<string> { "load_id" };
            if (schema == "meta" && table == "etl_run")
                leftOut.AddRange(["started_at", "finished_at", "message"]);
            leftOut.AddRange(unsaid.Where(u => u.StartsWith($"{schema}.{table}.", StringComparison.Ordinal)).Select(u => u.Split('.')[2]));
            var present = leftOut.Where(column => Sql.Scalar(connection,
                "select count(*) from duckdb_columns() where database_name = 'l' and schema_name = $s and table_name = $t and column_name = $c",
                ("s", schema), ("t", table), ("c", column)) > 0).ToList();
            var columns = present.Count == 0 ? "" : $"exclude ({string.Join(", ", present)})";
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
