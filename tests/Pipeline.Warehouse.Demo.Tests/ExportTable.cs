using CsvHelper;

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>A CSV file read back with CsvHelper (strict RFC 4180: a malformed record or a short row throws): header plus records.</summary>
public sealed class ExportTable
{
    private readonly Dictionary<string, int> columns;

    private ExportTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
        columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public int this[string column] =>
        columns.TryGetValue(column, out int index) ? index : throw new KeyNotFoundException($"No column '{column}' in: {string.Join(",", Header)}");

    public static ExportTable Read(string path)
    {
        using CsvReader reader = CsvReader.FromFile(path, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        });
        string[] header = [.. reader.Headers];
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return new ExportTable(header, rows);
    }

    /// <summary>The rows by the value of <paramref name="keyColumn"/>, which must be unique.</summary>
    public Dictionary<string, string[]> ByKey(string keyColumn)
    {
        int key = this[keyColumn];
        return Rows.ToDictionary(row => row[key], StringComparer.Ordinal);
    }
}
