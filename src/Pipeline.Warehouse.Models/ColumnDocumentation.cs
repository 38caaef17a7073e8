namespace Pipeline.Warehouse.Models;

/// <summary>One <c>name: definition</c> entry under <c>columns:</c> in a documentation block.</summary>
public sealed record ColumnDocumentation(string Name, string Description);
