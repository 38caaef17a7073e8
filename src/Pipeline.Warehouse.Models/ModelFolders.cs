namespace Pipeline.Warehouse.Models;

/// <summary>
/// The folders under the sql root that hold models, in build order. The folder decides how a model
/// is materialized: staging as a temp view, intermediate as a temp table, core and marts as tables
/// in the schema of the same name, views as views in schema marts (analysts' convenience views).
/// </summary>
public static class ModelFolders
{
    public const string Staging = "staging";
    public const string Intermediate = "intermediate";
    public const string Core = "core";
    public const string Marts = "marts";

    /// <summary>Persistent views in schema marts, over the marts tables.</summary>
    public const string Views = "views";

    /// <summary>DDL run as-is before any model, in file-name order.</summary>
    public const string Macros = "macros";

    /// <summary>Queries that must return zero rows; never built.</summary>
    public const string Tests = "tests";

    /// <summary>The model folders in build order (also the tie-break order between independent models).</summary>
    public static IReadOnlyList<string> All { get; } = [Staging, Intermediate, Core, Marts, Views];

    /// <summary>True for core, marts and views: persistent objects in a schema, documented with COMMENT ON.</summary>
    public static bool IsPublished(string folder) => folder is Core or Marts or Views;

    /// <summary>The schema of a published folder's models: core, or marts (for marts and views).</summary>
    public static string SchemaOf(string folder) => folder == Views ? Marts : folder;

    internal static int OrderOf(string folder) => folder switch
    {
        Staging => 0,
        Intermediate => 1,
        Core => 2,
        Marts => 3,
        Views => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "Not a model folder."),
    };

    internal static HashSet<string> Select(IEnumerable<string>? folders)
    {
        if (folders is null)
        {
            return [.. All];
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var normalized = folder.Trim().ToLowerInvariant();
            if (!All.Contains(normalized))
            {
                throw new ArgumentException(
                    $"'{folder}' is not a model folder. Expected any of: {string.Join(", ", All)}.",
                    nameof(folders));
            }

            selected.Add(normalized);
        }

        return selected;
    }
}
