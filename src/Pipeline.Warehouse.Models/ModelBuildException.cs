namespace Pipeline.Warehouse.Models;

/// <summary>
/// Building a model (or running a macro) failed: DuckDB rejected it, its documentation does not
/// match the columns it produced, or a dependency from an unbuilt folder is missing.
/// The message names the file; for DuckDB errors it includes DuckDB's message.
/// </summary>
public sealed class ModelBuildException(string message, Exception? innerException = null)
    : Exception(message, innerException);
