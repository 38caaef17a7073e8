using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Pipeline.Warehouse.Host.Tests.Export;

/// <summary>
/// The rows of a table's Parquet files read by Parquet.Net, a second reader that is not DuckDB
/// (fully managed .NET), with each file's schema.
/// </summary>
public sealed class ParquetTable
{
    private ParquetTable(List<ParquetSchema> schemas, List<Dictionary<string, object?>> rows)
    {
        Schemas = schemas;
        Rows = rows;
    }

    public IReadOnlyList<ParquetSchema> Schemas { get; }

    public IReadOnlyList<Dictionary<string, object?>> Rows { get; }

    public static ParquetTable Read(IEnumerable<string> files) => ReadAsync(files).GetAwaiter().GetResult();

    public static ParquetSchema Schema(string file) => ParquetReader.ReadSchemaAsync(file).GetAwaiter().GetResult();

    private static async Task<ParquetTable> ReadAsync(IEnumerable<string> files)
    {
        var schemas = new List<ParquetSchema>();
        var rows = new List<Dictionary<string, object?>>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var result = await ParquetSerializer.DeserializeUntypedAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
            schemas.Add(result.Schema);
            rows.AddRange(result.Data.Select(row => row.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)));
        }
        return new ParquetTable(schemas, rows);
    }

    /// <summary>The column's non-null values (a null is a missing key or a null value).</summary>
    public List<object> Values(string column) => [.. Rows.Select(r => r.GetValueOrDefault(column)).OfType<object>()];
}
