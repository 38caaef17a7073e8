namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// Whether a night folder is complete. Ready at once with the completion marker <c>_SUCCESS</c>
/// (the exporter writes it last); without one, when two looks a quiet period apart (Schedule:QuietSeconds)
/// see the same non-empty list of files, sizes and modification times. A folder still being written is
/// left for the next tick.
/// </summary>
public static class FolderReadiness
{
    public const string Marker = "_SUCCESS";

    /// <summary>The ready folders, in the given order, and why each other one is not ready. Waits one quiet period at most, only when a folder has no marker.</summary>
    public static (IReadOnlyList<NightFolder> Ready, IReadOnlyList<(NightFolder Night, string Reason)> Waiting) Check(
        IReadOnlyList<NightFolder> nights, TimeSpan quietPeriod, CancellationToken cancellationToken)
    {
        var unmarked = nights.Where(n => !File.Exists(Path.Combine(n.Path, Marker))).ToList();
        var first = unmarked.ToDictionary(n => n, n => Look(n.Path));
        if (unmarked.Count > 0 && quietPeriod > TimeSpan.Zero)
            cancellationToken.WaitHandle.WaitOne(quietPeriod);
        cancellationToken.ThrowIfCancellationRequested();
        var waiting = new List<(NightFolder, string)>();
        foreach (var night in unmarked)
        {
            var second = Look(night.Path);
            if (second.Length == 0)
                waiting.Add((night, $"it holds no files and no {Marker} marker"));
            else if (!first[night].SequenceEqual(second))
                waiting.Add((night, $"no {Marker} marker, and its files changed within {quietPeriod.TotalSeconds:0.#} s (still being written?)"));
        }
        return ([.. nights.Where(n => !waiting.Any(w => w.Item1 == n))], waiting);
    }

    /// <summary>The folder's files (not subfolders): name, size and modification time, by name.</summary>
    private static (string Name, long Size, DateTime Modified)[] Look(string folder) =>
        [.. new DirectoryInfo(folder).GetFiles().Select(f => (f.Name, f.Length, f.LastWriteTimeUtc)).OrderBy(f => f.Name, StringComparer.Ordinal)];
}
