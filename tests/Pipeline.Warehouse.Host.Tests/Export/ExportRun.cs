using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Export;

/// <summary>
/// A small warehouse of two nights (300 demo deals, as of 2026-10-31 then 2026-11-30, so the
/// snapshot fact has two months) exported once by the real CLI, into a folder whose name holds a
/// quote, while a read-only session (an analyst's) holds the warehouse open.
/// </summary>
public sealed class ExportRun : IDisposable
{
    /// <summary>The test collection that shares one export.</summary>
    public const string Collection = "export";

    private readonly TempFolder _folder = new();

    public ExportRun()
    {
        DemoGenerator.Generate(new DemoOptions(Run.Input, Deals: 300, Seed: 13, AsOf: new DateOnly(2026, 11, 30)));
        Run.Run("2026-10-31");
        Run.Run("2026-11-30");
        _ = Run.Connection;
        Export = Path.Combine(_folder.Path, "o'brien \"exports\"", "parquet");
        Result = CliProcess.Run("export", "--warehouse", Run.Warehouse, "--parquet", Export);
    }

    public WarehouseRun Run { get; } = new();

    /// <summary>The export folder (DIR).</summary>
    public string Export { get; }

    public CliProcess.Result Result { get; }

    /// <summary>A path in a fresh folder of this fixture.</summary>
    public string Scratch(string name) => Path.Combine(_folder.Path, name);

    public void Dispose()
    {
        Run.Dispose();
        _folder.Dispose();
    }
}
