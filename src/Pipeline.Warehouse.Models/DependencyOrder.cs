namespace Pipeline.Warehouse.Models;

/// <summary>
/// Orders models so each comes after the models it depends on. Among models that are ready at the
/// same time the order is stable: folder order (staging, intermediate, core, marts), then name.
/// </summary>
internal static class DependencyOrder
{
    private static readonly IComparer<Model> TieBreak = Comparer<Model>.Create((x, y) =>
    {
        var byFolder = ModelFolders.OrderOf(x!.Folder).CompareTo(ModelFolders.OrderOf(y!.Folder));
        return byFolder != 0 ? byFolder : string.CompareOrdinal(x.Name, y.Name);
    });

    public static IReadOnlyList<Model> Sort(IReadOnlyList<Model> models)
    {
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var remaining = models.ToDictionary(m => m.Name, m => m.DependsOn.Count, StringComparer.Ordinal);
        var dependents = models
            .SelectMany(m => m.DependsOn.Select(d => (Dependency: d, Dependent: m.Name)))
            .ToLookup(e => e.Dependency, e => e.Dependent, StringComparer.Ordinal);

        var ready = new SortedSet<Model>(models.Where(m => m.DependsOn.Count == 0), TieBreak);
        var ordered = new List<Model>(models.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            ordered.Add(next);
            foreach (var dependent in dependents[next.Name])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Add(byName[dependent]);
                }
            }
        }

        if (ordered.Count < models.Count)
        {
            var done = ordered.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            throw CycleError(models.Where(m => !done.Contains(m.Name)).ToList(), byName);
        }

        return ordered;
    }

    /// <summary>
    /// Every model left after the sort waits on another model that is left, so walking from the first
    /// one along its (first, by name) unbuilt dependency must come back to a model already seen.
    /// </summary>
    private static ModelDefinitionException CycleError(List<Model> stuck, Dictionary<string, Model> byName)
    {
        var stuckNames = stuck.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var path = new List<string>();
        var current = stuck.Min(TieBreak)!.Name;
        while (!path.Contains(current))
        {
            path.Add(current);
            current = byName[current].DependsOn.Where(stuckNames.Contains).Order(StringComparer.Ordinal).First();
        }

        var cycle = path.Skip(path.IndexOf(current)).Append(current).ToList();
        var files = cycle.Distinct().Select(n => $"{n}: {byName[n].Path}");
        return new ModelDefinitionException(
            $"Models form a dependency cycle: {string.Join(" -> ", cycle)} (x -> y means x reads y). " +
            $"Files: {string.Join("; ", files)}. " +
            "Break the cycle by moving the shared logic into an intermediate model, or remove a wrong -- depends_on line.");
    }
}
