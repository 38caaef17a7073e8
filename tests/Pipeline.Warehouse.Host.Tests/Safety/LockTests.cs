using System.Diagnostics;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Safety;

public sealed class LockTests
{
    [Fact]
    public void Run_WhileAnotherRunBuildsTheSameWarehouse_IsRefusedWithExitCode2()
    {
        using var folder = new TempFolder();
        var input = folder.File("input");
        DemoGenerator.Generate(new DemoOptions(input, Deals: 40_000, Seed: 3, AsOf: new DateOnly(2026, 11, 30)));
        var warehouse = folder.File("warehouse.duckdb");

        using var first = Process.Start(CliProcess.StartInfo("run", "--input", input, "--warehouse", warehouse, "--as-of", "2026-11-30"))!;
        var waited = Stopwatch.StartNew();
        while (!File.Exists(warehouse + ".building") && waited.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(20);
        File.Exists(warehouse + ".building").Should().BeTrue("the first run should be building by now");

        var second = CliProcess.Run("run", "--input", input, "--warehouse", warehouse, "--as-of", "2026-11-30");

        second.ExitCode.Should().Be(2);
        second.Stderr.Should().Contain("Another run is already building").And.Contain(warehouse);
        first.WaitForExit();
        first.ExitCode.Should().Be(0, "the refused run must not disturb the one that holds the lock");
        File.Exists(warehouse).Should().BeTrue();
    }
}
