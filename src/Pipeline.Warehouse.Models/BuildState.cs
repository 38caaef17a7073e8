namespace Pipeline.Warehouse.Models;

/// <summary>What one <see cref="ModelRunner"/> has done on one connection, so phased builds can rely on earlier phases.</summary>
internal sealed class BuildState
{
    public HashSet<string> Built { get; } = new(StringComparer.Ordinal);

    public bool MacrosRun { get; set; }
}
