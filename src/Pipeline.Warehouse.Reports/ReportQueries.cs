using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Runs the report queries of sql/reports/ (copied beside the assembly) on a warehouse opened
/// read-only. Values always go in as prepared-statement parameters, never into the SQL text.
/// </summary>
internal sealed class ReportQueries : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Dictionary<string, string> _sql = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens the warehouse once, read-only. The connection keeps the file open, so every query of
    /// this instance reads the version it opened, even after a run renames a new warehouse over the path.
    /// </summary>
    public ReportQueries(string warehousePath)
    {
        if (!File.Exists(warehousePath))
            throw new FileNotFoundException($"No warehouse at '{warehousePath}': run the ETL first (./run-etl.sh).", warehousePath);
        _connection = WarehouseConnection.Open(warehousePath, readOnly: true);
        using var command = _connection.CreateCommand();
        command.CommandText = "set TimeZone = 'UTC'";
        command.ExecuteNonQuery();
    }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "sql", "reports");

    public List<ReportRow> Rows(string name, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = Load(name);
        foreach (var (parameterName, value) in parameters)
            command.Parameters.Add(new DuckDBParameter(parameterName, value));
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
            columns[reader.GetName(i)] = i;
        var rows = new List<ReportRow>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) is System.Numerics.BigInteger big ? (decimal)big : reader.GetValue(i);
            rows.Add(new ReportRow(columns, values));
        }
        return rows;
    }

    public void Dispose() => _connection.Dispose();

    private string Load(string name)
    {
        if (_sql.TryGetValue(name, out var sql))
            return sql;
        var path = Path.Combine(Folder, name + ".sql");
        if (!File.Exists(path))
            throw new FileNotFoundException($"Report query '{name}.sql' not found in '{Folder}': the sql/reports files are copied to the output on build.", path);
        sql = File.ReadAllText(path);
        _sql[name] = sql;
        return sql;
    }

    /// <summary>The latest run in meta.etl_run (its load id and as-of date), or null when it holds none.</summary>
    public WarehouseLoad? LatestLoad()
    {
        var rows = Rows("report_as_of");
        return rows.Count > 0 && rows[0].Date("as_of") is { } date
            ? new WarehouseLoad((int)rows[0].Long("load_id"), date)
            : null;
    }

    /// <summary>The export folder the latest run read, when its run log says; null otherwise.</summary>
    public string? LatestInput() => Rows("report_as_of") is [var row, ..] ? row.Text("input") : null;

}
