using System.Text.RegularExpressions;
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
    private readonly Dictionary<string, int> _runs = new(StringComparer.Ordinal);

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
        command.CommandText = $"set memory_limit = '{MemoryLimit}'";
        command.ExecuteNonQuery();
        command.CommandText = "set threads = 1";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// DuckDB's memory for the reports (with one thread: the queries are small, more threads only hold
    /// more buffers). DuckDB keeps the blocks its queries read cached up to its limit, by default most
    /// of the machine's memory, and a report set's queries go through the marts batch by batch: bounded,
    /// the cache no longer grows with the warehouse. A query sorts at most one batch's rows. The setting
    /// is DuckDB's for the open file, so it holds for every connection of this process to the warehouse
    /// while the reports read it.
    /// </summary>
    public const string MemoryLimit = "32MB";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "sql", "reports");

    /// <summary>How many times each query has run on this connection: what a report set reads, by query.</summary>
    public IReadOnlyDictionary<string, int> Runs => _runs;

    /// <summary>Every row of the query <paramref name="name"/> (see <see cref="Read"/>).</summary>
    public List<ReportRow> Rows(string name, params (string Name, object? Value)[] parameters) => Read(name, parameters).ToList();

    /// <summary>
    /// Runs the query <paramref name="name"/> with the parameters it names (<c>$name</c>) and yields
    /// its rows as they are read, so that a caller keeping only what it makes of them never holds
    /// them all. A parameter the query does not name is left out, so the scopes a report set reads
    /// can be passed to every query alike; a list (the teams or reps of a batch) goes in as a DuckDB list.
    /// </summary>
    public IEnumerable<ReportRow> Read(string name, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        var sql = Load(name);
        command.CommandText = sql;
        foreach (var (parameterName, value) in parameters)
        {
            if (Names(sql, parameterName))
                command.Parameters.Add(new DuckDBParameter(parameterName, value));
        }
        _runs[name] = _runs.GetValueOrDefault(name) + 1;
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
            columns[reader.GetName(i)] = i;
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) is System.Numerics.BigInteger big ? (decimal)big : reader.GetValue(i);
            yield return new ReportRow(columns, values);
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Whether the query's code (not its comments) names the parameter.</summary>
    private static bool Names(string sql, string parameter) =>
        Regex.IsMatch(Regex.Replace(sql, "--[^\n]*", ""), @"\$" + Regex.Escape(parameter) + @"\b");

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
