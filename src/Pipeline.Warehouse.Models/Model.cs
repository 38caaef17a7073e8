namespace Pipeline.Warehouse.Models;

/// <summary>One SQL model file, parsed and ready to build.</summary>
/// <param name="Name">The file name without <c>.sql</c>; unique across all model folders.</param>
/// <param name="Folder">One of <see cref="ModelFolders.All"/>.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="Query">
/// The file's query with comments blanked out (line breaks kept, so DuckDB's line numbers are the
/// file's) and any trailing semicolon removed.
/// </param>
/// <param name="DependsOn">Names of the models this one reads, found in the query or declared with <c>-- depends_on:</c>.</param>
/// <param name="Documentation">The leading documentation block, if the file has one.</param>
public sealed record Model(
    string Name,
    string Folder,
    string Path,
    string Query,
    IReadOnlyList<string> DependsOn,
    ModelDocumentation? Documentation)
{
    /// <summary><c>core.x</c> / <c>marts.x</c> for published models (views too); the bare name for temp staging and intermediate models.</summary>
    public string QualifiedName => IsPublished ? $"{Schema}.{Name}" : Name;

    /// <summary>The schema of a published model (core or marts); null for temp models.</summary>
    public string? Schema => IsPublished ? ModelFolders.SchemaOf(Folder) : null;

    /// <summary>True for core and marts models: persistent tables that get COMMENT ON documentation.</summary>
    public bool IsPublished => ModelFolders.IsPublished(Folder);
}
