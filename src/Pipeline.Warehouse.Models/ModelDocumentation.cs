namespace Pipeline.Warehouse.Models;

/// <summary>The documentation block at the top of a model file.</summary>
/// <param name="Description">The text after <c>description:</c> with continuation lines joined; null when absent.</param>
/// <param name="Columns">The entries under <c>columns:</c>, in file order.</param>
public sealed record ModelDocumentation(string? Description, IReadOnlyList<ColumnDocumentation> Columns);
