namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// An input file found in the input folder, with its header as the user wrote it and, for each
/// header position, the canonical column it carries (or null for a column we do not use).
/// </summary>
public sealed record InputFile(InputFileSpec Spec, string Path, IReadOnlyList<string> Headers, IReadOnlyList<string?> Columns)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public string RawTable => "raw_" + Spec.Table;

    /// <summary>The user's header for a canonical column, for messages in the user's own words.</summary>
    public string HeaderOf(string column)
    {
        var index = Columns.ToList().IndexOf(column);
        return index >= 0 ? Headers[index] : column;
    }

    public bool Has(string column) => Columns.Contains(column);
}
