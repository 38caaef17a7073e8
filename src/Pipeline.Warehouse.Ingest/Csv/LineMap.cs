namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// Maps the ordinal of a raw row (0-based, file order) to the physical line on which its record
/// starts (the header is line 1). DuckDB's bulk reader does not report lines, so for a file read on
/// the fast path the lines are found on first use by a second, line-counting read of the file with
/// CsvHelper; a file read on the slow path knows them already.
/// </summary>
public sealed class LineMap
{
    private readonly string? _path;
    private int[]? _lines;

    private LineMap(string? path, int[]? lines)
    {
        _path = path;
        _lines = lines;
    }

    public static LineMap Known(int[] lines) => new(null, lines);

    public static LineMap Lazy(string path) => new(path, null);

    public long LineOf(long ordinal)
    {
        _lines ??= ReadLines(_path!);
        if (ordinal < 0 || ordinal >= _lines.Length)
            throw new InvalidOperationException($"Row ordinal {ordinal} is outside {_path} ({_lines.Length} records): the two CSV readers disagree on this file.");
        return _lines[ordinal];
    }

    private static int[] ReadLines(string path)
    {
        var lines = new List<int>();
        using var reader = CsvFiles.Open(path);
        while (reader.Read())
        {
            if (CsvFiles.IsBlank(reader))
                continue;
            lines.Add(checked((int)reader.LineNumber));
        }
        return [.. lines];
    }
}
