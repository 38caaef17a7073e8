using System.Globalization;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Host.Etl;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>
/// A warehouse built by the real ETL job from the CSV files in a temporary input folder, with the
/// scorecards written from it; deleted on dispose.
/// </summary>
public abstract class BuiltWarehouse : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 30);

    private DuckDBConnection? _connection;

    protected BuiltWarehouse()
    {
        Root = Path.Combine(Path.GetTempPath(), "pw-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Input);
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Warehouse => Path.Combine(Root, "warehouse.duckdb");

    public string Output => Path.Combine(Root, "reports");

    public ScorecardResult Result { get; private set; } = null!;

    public IEnumerable<string> AllFiles => Result.RepFiles.Concat(Result.ManagerFiles);

    public DuckDBConnection Connection
    {
        get
        {
            if (_connection is null)
            {
                _connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(Warehouse, readOnly: true));
                _connection.Open();
                Rows("set TimeZone = 'UTC'");
            }
            return _connection;
        }
    }

    /// <summary>Runs the ETL job on <see cref="Input"/> and writes the scorecards to <see cref="Output"/>.</summary>
    protected void Build(string? config = null)
    {
        new EtlJob(new EtlOptions { Input = Input, Warehouse = Warehouse, AsOf = AsOf, Config = config }, NullObserver.Instance).Run();
        Result = Scorecards.Write(Warehouse, Output);
    }

    public List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.Add(new DuckDBParameter(name, value));
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public decimal Decimal(string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToDecimal(Rows(sql, parameters)[0][0] ?? 0m, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _connection?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
