namespace Pipeline.Warehouse.Models;

/// <summary>What one <see cref="ModelRunner"/> has done on one connection, so phased builds can rely on earlier phases.</summary>
internal sealed class BuildState
{
    public HashSet<string> Built { get; } = new(StringComparer.Ordinal);

    public bool MacrosRun { get; set; }

    /// <summary>Set by <see cref="ModelRunner.StoreIntermediatesIn"/>: the attached database that holds the intermediates; null for temp tables.</summary>
    public string? IntermediatesCatalog { get; set; }

    /// <summary>Set by <see cref="ModelRunner.ReleaseIntermediates"/>: the intermediates the caller reads after the build.</summary>
    public HashSet<string>? Keep { get; set; }

    /// <summary>Intermediates dropped once their last reader was done.</summary>
    public HashSet<string> Dropped { get; } = new(StringComparer.Ordinal);

    /// <summary>Data tests that read an intermediate, run as soon as all they read was built.</summary>
    public Dictionary<string, DataTestResult> EarlyTests { get; } = new(StringComparer.Ordinal);
}
