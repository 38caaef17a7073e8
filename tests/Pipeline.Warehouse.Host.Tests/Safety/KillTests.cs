using System.Diagnostics;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Safety;

/// <summary>
/// A run killed with SIGKILL at any moment leaves the previous warehouse exactly as it was and
/// openable; the next run cleans up what the killed one left and succeeds.
/// </summary>
public sealed class KillTests
{
    [Fact]
    public void Run_KilledAtManyMomentsMidLoad_LeavesPreviousWarehouseIntact()
    {
        using var folder = new TempFolder();
        var small = folder.File("small");
        var large = folder.File("large");
        var asOf = new DateOnly(2026, 11, 30);
        DemoGenerator.Generate(new DemoOptions(small, Deals: 500, Seed: 1, AsOf: asOf));
        DemoGenerator.Generate(new DemoOptions(large, Deals: 40_000, Seed: 2, AsOf: asOf));
        var warehouse = folder.File("warehouse.duckdb");
        CliProcess.Run("run", "--input", small, "--warehouse", warehouse, "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        var before = WarehouseCompare.Sha256(warehouse);

        // How long a full run of the large input takes here, to spread the kills over all of it.
        var timing = Stopwatch.StartNew();
        var full = folder.File("timing.duckdb");
        CliProcess.Run("run", "--input", large, "--warehouse", full, "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        var duration = timing.Elapsed;

        // Each attempt starts from the same small warehouse. A run that finishes before its kill has
        // rightly replaced the warehouse: put the small one back, shorten the estimate and try again.
        var pristine = folder.File("pristine.duckdb");
        File.Copy(warehouse, pristine);
        var kills = 0;
        var attempts = 0;
        foreach (var fraction in new[] { 0.03, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            while (attempts++ < 30)
            {
                File.Copy(pristine, warehouse, overwrite: true);
                using var process = Process.Start(CliProcess.StartInfo("run", "--input", large, "--warehouse", warehouse, "--as-of", "2026-11-30"))!;
                Thread.Sleep(duration * fraction);
                if (process.HasExited)
                {
                    process.WaitForExit();
                    process.ExitCode.Should().Be(0);
                    duration *= 0.8;
                    continue;
                }
                process.Kill(); // SIGKILL
                process.WaitForExit();
                if (WarehouseCompare.Sha256(warehouse) != before)
                {
                    // Killed after the atomic swap, while the process was ending: the new warehouse
                    // must then be whole. That is not a mid-load kill; shorten the estimate and retry.
                    DealsIn(warehouse).Should().Be(40_000, $"a run killed after {fraction:P0} of its time either left the old warehouse or published the whole new one");
                    duration *= 0.8;
                    continue;
                }
                kills++;
                WarehouseCompare.Sha256(warehouse).Should().Be(before, $"a run killed after {fraction:P0} of its time must not change the warehouse");
                DealsIn(warehouse).Should().Be(500);
                break;
            }
        }
        kills.Should().BeGreaterThanOrEqualTo(8, "the kills must land at moments spread over the whole run");

        // The next run cleans up the leftovers of the killed ones and replaces the warehouse.
        var result = CliProcess.Run("run", "--input", large, "--warehouse", warehouse, "--as-of", "2026-11-30");
        result.ExitCode.Should().Be(0, result.Stderr);
        DealsIn(warehouse).Should().Be(40_000);
        File.Exists(warehouse + ".building").Should().BeFalse();
    }

    private static long DealsIn(string warehouse)
    {
        using var connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(warehouse, readOnly: true));
        connection.Open();
        return Sql.Scalar(connection, "select count(*) from core.fact_deal");
    }
}
