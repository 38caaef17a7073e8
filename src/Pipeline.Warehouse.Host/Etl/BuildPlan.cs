using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// The job builds the models in two steps, timed apart: the core (staging, checks, the star schema)
/// and the marts (marts, views, and the intermediate models that only they read). It also knows the
/// models that read the staging views: once they are built, the raw tables are not needed any more
/// and are dropped, to give their memory to the rest of the build.
/// </summary>
internal sealed class BuildPlan
{
    private readonly HashSet<string> _marts = new(StringComparer.Ordinal);
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
        var staging = models.Where(m => m.Folder == ModelFolders.Staging).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        _rawReaders = models.Where(m => m.Folder != ModelFolders.Staging && m.DependsOn.Any(staging.Contains))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
    }

    public bool IsCore(Model model) => !_marts.Contains(model.Name);

    public bool IsMarts(Model model) => _marts.Contains(model.Name);

    /// <summary>Notes a built model; true once, when the last model that reads a staging view is built.</summary>
    public bool RawTablesDoneAfter(ModelResult built) => _rawReaders.Remove(built.Name) && _rawReaders.Count == 0;
}
