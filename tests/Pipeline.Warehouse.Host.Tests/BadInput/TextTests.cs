using Pipeline.Warehouse.Host.Tests.Fixtures;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// Messages speak the user's own header names, and export text is data: never spliced into SQL,
/// never evaluated.
/// </summary>
public sealed class TextTests
{
    [Fact]
    public void Run_HeadersInUsersOwnCase_RejectedRowNamesColumnAsTheHeaderSays()
    {
        // The header says " Amount " and "STAGE": the column is named as the user wrote it (trimmed).
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", "Deal_Id,Rep_Id,Region,Product, Amount ,Created_At,STAGE\nD1,R1,EMEA,X,twelve,2026-01-01,Lead\nD2,R1,EMEA,X,5,2026-01-01,Nowhere\nD3,R1,EMEA,X,5,2026-01-01,Lead\n");

        run.Run(configJson: Lenient);

        run.Rejections().Select(r => (r.Line, r.Column, r.Value)).Should().Equal((2L, "Amount", "twelve"), (3L, "STAGE", "Nowhere"));
        run.Rejections()[0].Reason.Should().StartWith("Amount \"twelve\" is not an amount.");
        run.Rejections()[1].Reason.Should().StartWith("STAGE \"Nowhere\" is a stage label the stage map does not know.");
    }

    [Fact]
    public void Run_SqlAndFormulaText_LoadsAsPlainText()
    {
        // Quotes, semicolons, comment markers and spreadsheet formulas are data. An unknown header
        // that looks like SQL is just a column we do not use.
        const string Drop = "'); drop table x; --";
        const string Formula = "=HYPERLINK(\"http://x\")";
        using var run = new WarehouseRun()
            .WithFile("reps.csv", "rep_id,rep_name,team,region\nR1,\"Robert'); DROP TABLE reps;--\",East,EMEA\n")
            .WithFile("deals.csv", "deal_id,deal_name,rep_id,account_name,region,product,created_at,stage,\"x'); drop table y; --\"\n"
                + $"D1,{Drop},R1,\"=HYPERLINK(\"\"http://x\"\")\",EMEA,X,2026-01-01,Lead,{Drop}\n"
                + "D2,,R1,,EMEA,X,2026-01-01,\"'; delete from meta.etl_run; --\",\n");

        run.Run(configJson: Lenient);

        run.Rows("select deal_name, account_name from core.fact_deal").Should().BeEquivalentTo([new object?[] { Drop, Formula }]);
        run.Scalar<string>("select rep_name from core.dim_rep").Should().Be("Robert'); DROP TABLE reps;--");
        run.SingleRejection("deals.csv").Should().Be(new Rejection("deals.csv", 3, "stage", "'; delete from meta.etl_run; --",
            "stage \"'; delete from meta.etl_run; --\" is a stage label the stage map does not know. Map it to a canonical stage under \"stageMap\" in the config file (lead, connect_call, discovery_call, opportunity, demo, influencer_buy_in, decision_maker_buy_in, negotiation, closed_won, closed_lost)."));
        run.Scalar<long>("select count(*) from meta.etl_run").Should().Be(1);
        run.ShouldAccountForEveryRow();
    }
}
