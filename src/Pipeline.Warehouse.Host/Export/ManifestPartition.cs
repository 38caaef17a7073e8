namespace Pipeline.Warehouse.Host.Export;

/// <summary>
/// A hive-partitioned table: <see cref="Column"/> (not stored in the files; a hive-aware reader adds
/// it as a string column) is the month of <see cref="SourceColumn"/>, written <see cref="Format"/>.
/// </summary>
public sealed record ManifestPartition(string Column, string SourceColumn, string Format, string Style, int Partitions);
