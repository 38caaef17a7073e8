namespace Pipeline.Warehouse.Models;

/// <summary>What building one model did.</summary>
/// <param name="Name">The model name (file name without <c>.sql</c>).</param>
/// <param name="Folder">The model's folder.</param>
/// <param name="QualifiedName">The name it was built as: <c>core.x</c>, <c>marts.x</c> or the bare temp name.</param>
/// <param name="Path">Full path of the model file.</param>
/// <param name="RowCount">
/// <c>count(*)</c> after the build; null for staging views, which are not counted because counting
/// a view runs its whole query again over the raw tables.
/// </param>
/// <param name="Elapsed">Time to create the object, count it and apply its comments.</param>
public sealed record ModelResult(
    string Name,
    string Folder,
    string QualifiedName,
    string Path,
    long? RowCount,
    TimeSpan Elapsed);
