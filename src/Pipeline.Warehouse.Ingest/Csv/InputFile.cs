namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// An input file found in the input folder, with its header as the user wrote it and, for each
/// header position, the spec column it carries (or null for a column we do not use).
/// </summary>
public sealed record InputFile(InputFileSpec Spec, string Path, IReadOnlyList<string> Headers, IReadOnlyList<string?> Columns)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public string RawTable => "raw_" + Spec.Table;

    /// <summary>
    /// The user's header for a canonical column (or a spec column), for messages in the user's
    /// own words; the canonical name when the file has no such column.
    /// </summary>
    public string HeaderOf(string column)
    {
        var spec = Spec.Columns.FirstOrDefault(c => c.FeedsColumn == column) ?? Spec.Columns.FirstOrDefault(c => c.Name == column);
        var index = spec is null ? -1 : Columns.ToList().IndexOf(spec.Name);
        return index >= 0 ? Headers[index] : spec?.Name ?? column;
    }

    public bool Has(string column) => Columns.Contains(column);
}
