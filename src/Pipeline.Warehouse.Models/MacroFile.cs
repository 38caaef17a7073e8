namespace Pipeline.Warehouse.Models;

/// <summary>A file under <c>macros/</c>: DDL executed as-is before any model.</summary>
internal sealed record MacroFile(string Path, string Sql);
