using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>A pipeline whose deals never reach opportunity: the PDFs say that open in period, coverage and velocity count nothing for it.</summary>
public sealed class NoOpportunityHealthReportsTests(NoOpportunityHealthReportsTests.Warehouse warehouse) : IClassFixture<NoOpportunityHealthReportsTests.Warehouse>
{
    /// <summary>Two stages and the two closes (Prospecting = lead, Qualified = connect_call): no deal reaches opportunity.</summary>
    public sealed class Warehouse : BuiltWarehouse
    {
        public Warehouse()
        {
            var config = Path.Combine(Root, "config.json");
            File.WriteAllText(config, """
                { "stageMap": { "Prospecting": "lead", "Qualified": "connect_call", "Won": "closed_won", "Lost": "closed_lost" } }
                """);
            File.WriteAllText(Path.Combine(Input, "reps.csv"),
                "rep_id,rep_name,email,manager_id,team,region,active\nR1,Ann Lee,r1@example.com,,East,EMEA,true\n");
            File.WriteAllText(Path.Combine(Input, "deals.csv"),
                "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n"
                + "D1,Won one,R1,Acme,EMEA,Core,smb,inbound,1000,,2026-06-01,2026-11-15,Won,\n"
                + "D2,Open one,R1,Beta,EMEA,Core,smb,inbound,500,,2026-10-01,2026-12-10,Qualified,\n");
            File.WriteAllText(Path.Combine(Input, "stage_history.csv"),
                "deal_id,stage,entered_at,rep_id,amount,expected_close_date\n"
                + "D1,Prospecting,2026-06-01,,,\nD1,Qualified,2026-07-01,,,\nD1,Won,2026-11-15,,,\n"
                + "D2,Prospecting,2026-10-01,,,\nD2,Qualified,2026-10-15,,,\n");
            Build(config);
        }
    }

    [Fact]
    public void Write_NoDealReachesOpportunity_SaysOpenInPeriodCoverageAndVelocityCountNothing()
    {
        var result = HealthReports.Write(warehouse.Warehouse, Path.Combine(warehouse.Output, "health-" + Guid.NewGuid().ToString("N")));

        foreach (var file in result.ManagerFiles.Prepend(result.ExecutiveFile))
        {
            var pages = PdfText.Pages(file);
            var funnel = pages.Single(page => page.Contains("Stage conversion:", StringComparison.Ordinal));
            funnel.Should().Contain("No open stage of this pipeline is at opportunity or later, so open in period, coverage and sales velocity count nothing for it, and new pipeline counts only won deals (a win counts as reaching every stage).", file);
            funnel.Should().Contain("Prospecting → Qualified", file).And.Contain("Qualified → Won", file);
            pages[0].Should().Contain("No open stage of this pipeline is at opportunity or later", file);
        }
    }
}
