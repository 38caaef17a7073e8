namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>One column an input file may carry; <paramref name="Name"/> is the canonical name.</summary>
public sealed record ColumnSpec(string Name, bool Required);

/// <summary>
/// An input file of a dialect: its file name (matched case-insensitively), whether the run needs
/// it, and its columns. <paramref name="Table"/> names the raw table the loader fills
/// (<c>raw_&lt;table&gt;</c>), which the staging models read.
/// </summary>
public sealed record InputFileSpec(string FileName, string Table, bool Required, IReadOnlyList<ColumnSpec> Columns);
