using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>
/// A warehouse built once from 300 generated deals (load 1, as of 2026-11-30), and a second export
/// of 350 deals that a run replaces it with. Tests copy the warehouse before touching it.
/// </summary>
public sealed class OldWarehouse : IDisposable
{
    private readonly TempFolder _folder = new();

    public OldWarehouse()
    {
        var asOf = new DateOnly(2026, 11, 30);
        DemoGenerator.Generate(new DemoOptions(Exports, Deals: 300, Seed: 5, AsOf: asOf));
        DemoGenerator.Generate(new DemoOptions(NewExports, Deals: 350, Seed: 6, AsOf: asOf));
        new EtlJob(new EtlOptions { Input = Exports, Warehouse = Path, AsOf = asOf }, WarehouseRun.NullObserver.Instance).Run();
    }

    public string Exports => _folder.File("exports");

    public string NewExports => _folder.File("new-exports");

    public string Path => _folder.File("old.duckdb");

    /// <summary>A copy of the old warehouse in a folder of its own.</summary>
    public string CopyTo(TempFolder folder)
    {
        var copy = folder.File("warehouse.duckdb");
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class OldWarehouseCollection : ICollectionFixture<OldWarehouse>
{
    public const string Name = "old warehouse";
}
