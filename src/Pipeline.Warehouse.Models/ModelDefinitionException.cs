namespace Pipeline.Warehouse.Models;

/// <summary>
/// The sql folder itself is wrong, found before anything is built: a duplicate model name, DDL in a
/// model, a malformed documentation block, an unknown <c>depends_on</c> name or a dependency cycle.
/// </summary>
public sealed class ModelDefinitionException(string message) : Exception(message);
