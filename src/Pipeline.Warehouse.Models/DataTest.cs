namespace Pipeline.Warehouse.Models;

/// <summary>A file under <c>tests/</c>: a query that must return zero rows.</summary>
/// <param name="Name">The file name without <c>.sql</c>.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="Query">The query with comments blanked out and any trailing semicolon removed.</param>
/// <param name="Reads">Names of the models the query reads (as a model's dependencies are found).</param>
public sealed record DataTest(string Name, string Path, string Query, IReadOnlyList<string> Reads);
