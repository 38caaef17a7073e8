using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// The job builds the models in three steps, timed apart: the row checks (the models the row
/// accounting reads, <see cref="AccountingModels"/>, and what they read), the rest of the core (the
/// star schema), and the marts (marts, views, and the intermediate models that only they read). So
/// an export with too many rejected rows is refused before its timelines are built. It also knows the
/// models that read the staging views: once they are built, the raw tables are not needed any more
/// and are dropped, to give their memory to the rest of the build.
/// </summary>
internal sealed class BuildPlan
{
    /// <summary>The models <see cref="Pipeline.Warehouse.Ingest.LoadAccounting"/> reads.</summary>
    public static readonly string[] AccountingModels = ["int_rejected_rows", "int_file_outcomes"];

    /// <summary>
    /// The intermediates the job reads itself (the accounting's, and int_deals for the run log): the
    /// runner drops every other one as soon as its last reader is built.
    /// </summary>
    public static readonly string[] ReadAfterBuild = [.. AccountingModels, "int_deals"];

    private readonly HashSet<string> _marts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rawReaders;

    public BuildPlan(IReadOnlyList<Model> models)
    {
        var dependents = models.ToDictionary(m => m.Name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var model in models)
            foreach (var dependency in model.DependsOn)
                dependents[dependency].Add(model.Name);
        // Models are in dependency order, so walking backwards sees every dependent before its dependency.
        foreach (var model in models.Reverse())
        {
            var mine = dependents[model.Name];
            if (model.Folder is ModelFolders.Marts or ModelFolders.Views
                || (model.Folder == ModelFolders.Intermediate && mine.Count > 0 && mine.All(_marts.Contains)))
                _marts.Add(model.Name);
        }
        // The accounting's models and everything they read (models are in dependency order: walking backwards sees a reader first).
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var name in AccountingModels.Where(byName.ContainsKey))
            _checks.Add(name);
        foreach (var model in models.Reverse().Where(m => _checks.Contains(m.Name)))
            foreach (var dependency in model.DependsOn)
                _checks.Add(dependency);
        var staging = models.Where(m => m.Folder == ModelFolders.Staging).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        _rawReaders = models.Where(m => m.Folder != ModelFolders.Staging && m.DependsOn.Any(staging.Contains))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The row checks: the models the accounting reads and those they read.</summary>
    public bool IsRowCheck(Model model) => _checks.Contains(model.Name);

    /// <summary>The rest of the core: the star schema and what it needs beyond the row checks.</summary>
    public bool IsStarSchema(Model model) => !_marts.Contains(model.Name) && !_checks.Contains(model.Name);

    public bool IsMarts(Model model) => _marts.Contains(model.Name);

    /// <summary>Notes a built model; true once, when the last model that reads a staging view is built.</summary>
    public bool RawTablesDoneAfter(ModelResult built) => _rawReaders.Remove(built.Name) && _rawReaders.Count == 0;
}
