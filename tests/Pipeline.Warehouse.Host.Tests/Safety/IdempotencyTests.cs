using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Safety;

public sealed class IdempotencyTests
{
    [Fact]
    public void Run_TwiceOnSameInputAndAsOf_GivesIdenticalTables()
    {
        using var folder = new TempFolder();
        var input = folder.File("input");
        DemoGenerator.Generate(new DemoOptions(input, Deals: 3000, Seed: 11, AsOf: new DateOnly(2026, 11, 30)));

        // Two runs into two warehouses, and a second run into the first one (which also carries the
        // first run's meta rows forward): every core table is the same apart from load_id.
        var first = folder.File("first.duckdb");
        var second = folder.File("second.duckdb");
        foreach (var warehouse in new[] { first, second })
            CliProcess.Run("run", "--input", input, "--warehouse", warehouse, "--as-of", "2026-11-30").ExitCode.Should().Be(0);

        WarehouseCompare.Differences(first, second).Should().BeEmpty();

        File.Copy(first, folder.File("before-rerun.duckdb"));
        CliProcess.Run("run", "--input", input, "--warehouse", first, "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        var core = WarehouseCompare.Differences(first, second).Where(d => d.StartsWith("core.", StringComparison.Ordinal));
        core.Should().BeEmpty();
    }
}
