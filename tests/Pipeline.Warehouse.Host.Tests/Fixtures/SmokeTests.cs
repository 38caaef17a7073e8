namespace Pipeline.Warehouse.Host.Tests.Fixtures;

public sealed class WarehouseRunTests
{
    [Fact]
    public void Run_OneDealWithHistory_BuildsFactTables()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", WarehouseRun.DealsHeader + "D1,Acme - X,R1,Acme,EMEA,X,smb,Inbound,100,,2026-01-01,2026-03-01,Closed won,\n")
            .WithFile("stage_history.csv", WarehouseRun.HistoryHeader + "D1,Lead,2026-01-01,R1,,\nD1,Closed won,2026-01-11,R1,,\n");

        run.Run();

        // lead 2026-01-01 -> closed_won 2026-01-11: one won deal, cycle 10 days.
        run.Scalar<string>("select status from core.fact_deal where deal_id = 'D1'").Should().Be("won");
        run.Scalar<double>("select cycle_days from core.fact_deal where deal_id = 'D1'").Should().Be(10);
        run.Scalar<long>("select count(*) from core.fact_stage_transition").Should().Be(2);
    }
}
