namespace Pipeline.Warehouse.Models;

/// <summary>What <see cref="SqlSourceParser"/> found in one query file.</summary>
/// <param name="Query">The query with comments blanked out and trailing semicolons removed.</param>
/// <param name="References">Every identifier outside comments and literals: bare names (Schema null) and <c>a.b</c> pairs.</param>
/// <param name="DeclaredDependencies">Names listed in <c>-- depends_on:</c> lines, with their line numbers.</param>
/// <param name="Documentation">The leading documentation block, if any.</param>
internal sealed record ParsedSource(
    string Query,
    IReadOnlyList<(string? Schema, string Name)> References,
    IReadOnlyList<(string Name, int Line)> DeclaredDependencies,
    ModelDocumentation? Documentation);
