namespace Pipeline.Warehouse.Host.Export;

/// <summary>Identifiers from the warehouse catalog, quoted for SQL text (a name may hold any character, a quote included).</summary>
public static class SqlNames
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);
}
