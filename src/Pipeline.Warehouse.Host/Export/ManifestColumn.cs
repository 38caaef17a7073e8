namespace Pipeline.Warehouse.Host.Export;

/// <summary>A column as the warehouse has it and as it is written.</summary>
public sealed record ManifestColumn(string Name, string DuckdbType, string ExportedType, string ParquetType, string? LogicalType, string? Description);
