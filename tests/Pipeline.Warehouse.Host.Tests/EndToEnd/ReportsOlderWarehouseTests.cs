using DuckDB.NET.Data;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.EndToEnd;

public sealed class ReportsOlderWarehouseTests
{
    [Fact]
    public void Reports_WarehouseWithoutTheForecastMarts_RefusedWithWhatToDo()
    {
        // A warehouse built before the forecast: the same files, without marts.forecast_scopes.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", WarehouseRun.DealsHeader + "D1,Deal,R1,Acme,EMEA,X,,,100,,2026-11-01T00:00:00Z,,lead,\n")
            .WithFile("stage_history.csv", WarehouseRun.HistoryHeader);
        run.Run("2026-11-30");
        using (var connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(run.Warehouse)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "drop table marts.forecast_scopes";
            command.ExecuteNonQuery();
        }

        var output = Path.Combine(Path.GetDirectoryName(run.Warehouse)!, "reports-out");
        var result = CliProcess.Run("reports", "--warehouse", run.Warehouse, "--out", output);
        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("was built by an older version of Pipeline Warehouse: it has no marts.forecast_scopes")
            .And.Contain("./run-etl.sh run --input DIR --warehouse FILE").And.NotContain("   at ");
        Directory.Exists(Path.Combine(output, "2026-11-30")).Should().BeFalse("nothing is written");
    }
}
