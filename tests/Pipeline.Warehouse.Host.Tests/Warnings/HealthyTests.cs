namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// "No segment shows a significant drop": as of 2026-11-30, every month from May to November has
/// the same activity in each of two groups, EMEA (product X, smb, inbound, rep R1) and APAC
/// (product Y, enterprise, referral, rep R2; R1 and R2 are both on team East). Per group and month:
/// 30 closes (18 won after 10 days in lead), 25 demo exits (15 advanced) and 12 new opportunities.
/// Every metric passes its gates and equals its baseline: z = 0, ratios 1.
/// </summary>
public sealed class HealthyRun() : WarningRun(Build())
{
    public static readonly Segment[] Groups = [new("EMEA", "X", "smb", "inbound", "R1"), new("APAC", "Y", "enterprise", "referral", "R2")];

    private static DealBuilder Build()
    {
        var deals = new DealBuilder();
        foreach (var month in DealBuilder.Baseline.Append(DealBuilder.Current))
        {
            var at = month.AddDays(9).AddHours(12);
            foreach (var group in Groups)
            {
                deals.Closes(group, at, 30, 18);
                deals.DemoExits(group, at, 25, 15);
                deals.Opportunities(group, at, 12);
            }
        }
        return deals;
    }
}

public sealed class HealthyTests(HealthyRun run) : IClassFixture<HealthyRun>
{
    [Fact]
    public void SegmentWarnings_NoSignificantDrop_HasNoRows()
    {
        run.Warnings().Should().BeEmpty();
    }

    [Fact]
    public void RepCoaching_SameConversionAsPeers_HasNoRows()
    {
        // R1 and R2 (team East) have identical exits in the last 180 days: z = 0 at every stage.
        run.Coaching().Should().BeEmpty();
    }

    [Fact]
    public void SegmentWarnings_HealthyData_PassesEveryGate()
    {
        // The empty table is meaningful only if the metrics were evaluated. Per group in M: demo
        // exits 25 + the 18 won deals that skip through it = 43 (>= 20) against 6 x 43 = 258 (>= 60);
        // closes 30 + the 10 demo exits lost = 40 against 240; 18 won (>= 10) against 108 (>= 30);
        // new pipeline (opportunity, demo or closed_won first entered in the month) 12 + 25 + 18 = 55
        // in M, a baseline mean of 55 (>= 10).
        var demo = run.Warehouse.Rows(
            """
            select cast(sum(exited) filter (where month = '2026-11-01') as bigint),
                cast(sum(exited) filter (where month < '2026-11-01') as bigint)
            from marts.stage_flow where stage = 'demo' group by region
            """);
        var closes = run.Warehouse.Rows(
            """
            select cast(sum(won + lost) filter (where month = '2026-11-01') as bigint),
                cast(sum(won + lost) filter (where month < '2026-11-01') as bigint),
                cast(sum(won) filter (where month = '2026-11-01') as bigint),
                cast(sum(won) filter (where month < '2026-11-01') as bigint)
            from marts.outcomes_monthly group by region
            """);

        demo.Should().HaveCount(2).And.AllBeEquivalentTo(new object[] { 43L, 258L });
        closes.Should().HaveCount(2).And.AllBeEquivalentTo(new object[] { 40L, 240L, 18L, 108L });
        run.Warehouse.Scalar<long>(
            """
            select count(*) from (
                select deal_id from core.fact_stage_transition where stage_order >= 4 group by deal_id
                having min(entered_at) >= '2026-11-01')
            """).Should().Be(2 * 55);
    }
}
