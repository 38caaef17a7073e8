using Pipeline.Warehouse.Demo;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>The demo generator's 1,500 deals (seed 7) loaded as of 2026-11-30, with every scorecard written.</summary>
public sealed class DemoWarehouse : BuiltWarehouse
{
    public DemoWarehouse()
    {
        DemoGenerator.Generate(new DemoOptions(Input, Deals: 1500, Seed: 7, AsOf: AsOf));
        Build();
    }
}
