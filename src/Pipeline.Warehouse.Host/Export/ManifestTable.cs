namespace Pipeline.Warehouse.Host.Export;

/// <summary>A table of the manifest; <see cref="Path"/> and <see cref="Files"/> are relative to the export folder, with '/' separators.</summary>
public sealed record ManifestTable(
    string Schema,
    string Name,
    string Kind,
    string? Description,
    string Path,
    long Rows,
    ManifestPartition? Partition,
    IReadOnlyList<ManifestColumn> Columns,
    IReadOnlyList<string> Files);
