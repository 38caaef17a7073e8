using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Opens a DuckDB file by path. The path goes through the connection-string builder, which quotes
/// it, so any name a filesystem allows works (a ';' or a quote in it is never read as an option).
/// </summary>
public static class WarehouseConnection
{
    public static string ConnectionString(string path, bool readOnly = false)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        if (readOnly)
            builder["ACCESS_MODE"] = "READ_ONLY";
        return builder.ConnectionString;
    }

    /// <summary>An open connection to the file (read-only when asked); disposed if opening fails.</summary>
    public static DuckDBConnection Open(string path, bool readOnly = false)
    {
        var connection = new DuckDBConnection(ConnectionString(path, readOnly));
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
