using System.Text;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Host.Tests.Fixtures;

/// <summary>
/// Runs the real job on small input files written by a test and opens the warehouse it built.
/// Files are written byte for byte as given (no BOM, line endings as in the text), so a test
/// controls CRLF, quoting and blank lines exactly.
/// </summary>
public sealed class WarehouseRun : IDisposable
{
    /// <summary>A minimal valid reps.csv: R1 and R2 on team "East", R3 on team "West".</summary>
    public const string Reps = "rep_id,rep_name,email,manager_id,team,region,active\nR1,Ann Lee,ann@example.com,,East,EMEA,true\nR2,Bob Roe,bob@example.com,R1,East,EMEA,true\nR3,Cy Doe,cy@example.com,,West,APAC,true\n";

    /// <summary>The deals.csv header, all columns.</summary>
    public const string DealsHeader = "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n";

    /// <summary>The stage_history.csv header, all columns.</summary>
    public const string HistoryHeader = "deal_id,stage,entered_at,rep_id,amount,expected_close_date\n";

    private readonly TempFolder _folder = new();
    private DuckDBConnection? _connection;

    public string Input => Path.Combine(_folder.Path, "input");

    public string Warehouse => Path.Combine(_folder.Path, "warehouse.duckdb");

    public WarehouseRun WithFile(string name, string content)
    {
        Directory.CreateDirectory(Input);
        File.WriteAllBytes(Path.Combine(Input, name), Encoding.UTF8.GetBytes(content));
        return this;
    }

    /// <summary>Copies every CSV file of a folder into the input folder, byte for byte.</summary>
    public WarehouseRun WithFolder(string folder)
    {
        Directory.CreateDirectory(Input);
        foreach (var file in Directory.GetFiles(folder, "*.csv"))
            File.Copy(file, Path.Combine(Input, Path.GetFileName(file)), overwrite: true);
        return this;
    }

    /// <summary>Removes a file of the input folder (a night whose export lacks it).</summary>
    public WarehouseRun Without(string name)
    {
        File.Delete(Path.Combine(Input, name));
        return this;
    }

    public WarehouseRun WithBytes(string name, byte[] content)
    {
        Directory.CreateDirectory(Input);
        File.WriteAllBytes(Path.Combine(Input, name), content);
        return this;
    }

    /// <summary>Runs the job; throws what it throws (InputException for bad input).</summary>
    public RunResult Run(string asOf = "2026-11-30", string? configJson = null, string dialect = "auto", string? mapping = null, bool allowShrink = false, IRunObserver? observer = null, bool replay = false, long? scratchAboveBytes = null)
    {
        _connection?.Dispose();
        _connection = null;
        string? config = null;
        if (configJson is not null)
        {
            config = Path.Combine(_folder.Path, "config.json");
            File.WriteAllText(config, configJson);
        }
        return new EtlJob(new EtlOptions
        {
            Input = Input,
            Warehouse = Warehouse,
            AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture),
            Config = config,
            Dialect = dialect,
            Mapping = mapping,
            AllowShrink = allowShrink,
            Replay = replay,
            ScratchAboveBytes = scratchAboveBytes,
        }, observer ?? NullObserver.Instance).Run();
    }

    /// <summary>The built warehouse, opened read-only (TimeZone UTC).</summary>
    public DuckDBConnection Connection
    {
        get
        {
            if (_connection is null)
            {
                _connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(Warehouse, readOnly: true));
                _connection.Open();
                Sql.Execute(_connection, "set TimeZone = 'UTC'");
            }
            return _connection;
        }
    }

    /// <summary>Rows of a query as arrays of values (DBNull becomes null).</summary>
    public List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Sql.Command(Connection, sql, parameters);
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

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Sql.Command(Connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _folder.Dispose();
    }

    internal sealed class NullObserver : IRunObserver
    {
        public static readonly NullObserver Instance = new();

        public void PhaseStarted(string phase)
        {
        }

        public void PhaseFinished(string phase, TimeSpan elapsed)
        {
        }

        public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed)
        {
        }

        public void ModelBuilt(ModelResult model)
        {
        }
    }
}
