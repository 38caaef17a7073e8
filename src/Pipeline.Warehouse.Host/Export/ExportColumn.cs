namespace Pipeline.Warehouse.Host.Export;

/// <summary>A column of a warehouse table: its DuckDB type there, and its comment (the definition analysts read).</summary>
public sealed record ExportColumn(string Name, string DuckDbType, string? Description)
{
    /// <summary>The DuckDB type it is written as (<see cref="PortableTypes"/>).</summary>
    public string ExportedType => PortableTypes.CastFor(DuckDbType) ?? DuckDbType;

    public string SelectExpression => PortableTypes.Expression(SqlNames.Quote(Name), DuckDbType);
}
