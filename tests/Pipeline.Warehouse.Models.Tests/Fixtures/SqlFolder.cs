namespace Pipeline.Warehouse.Models.Tests.Fixtures;

/// <summary>A throwaway sql root under the temp folder; files are written by each test.</summary>
public sealed class SqlFolder : IDisposable
{
    public string Root { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "pipeline-models-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Writes <paramref name="sql"/> to <paramref name="relativePath"/> (e.g. "core/fact_deal.sql") and returns the full path.</summary>
    public string Write(string relativePath, string sql)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sql);
        return path;
    }

    public ModelRunner Runner() => new(Root);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
