using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Waterfall;

/// <summary>
/// marts.pipeline_waterfall on the three nights of <see cref="WaterfallNights"/>: every expected
/// figure below is worked out by hand from the table there.
/// </summary>
public sealed class WaterfallTests(WaterfallNightsRun nights) : IClassFixture<WaterfallNightsRun>
{
    private WarehouseRun Run => nights.Warehouse;

    [Fact]
    public void Month_WithSnapshots_EveryMovement_Company()
    {
        // Start (night 10-31, open, close in November): A 1,000, B 2,000, C 3,000, D 4,000, E 5,000, K 1,100.
        // Created in November: F 600 (still open), G 700 (won). Pulled in: H (close moved from
        // 12-20 to 11-27) 800, I (closing in 2027 on 10-31, won 11-18) 900. A won at 1,200 and E
        // re-priced to 5,500: +700. Won A 1,200, G 700, I 900; lost B; C pushed to 2027; D deleted.
        // End: E 5,500, F 600, H 800, K 1,100. 16,100 + 1,300 + 1,700 + 700 - 2,800 - 2,000 - 3,000 - 4,000 = 8,000.
        Run.Waterfall("month", "2026-11-01", "company").Should().Equal(
            "start 6 16100.00",
            "created 2 1300.00",
            "pulled_in 2 1700.00",
            "amount_changed 2 700.00",
            "won 3 2800.00",
            "lost 1 2000.00",
            "pushed_out 1 3000.00",
            "removed 1 4000.00",
            "end 4 8000.00");
        Run.Sources("month", "2026-11-01").Should().Be("snapshot snapshot");
    }

    [Fact]
    public void Month_WithSnapshots_Teams_ARepWhoChangedTeamCountsInTheTeamAtTheCut()
    {
        // R2 moved from East to West on the last night, before the cut 11-21: E and F are West's.
        // East (R1): start A 1,000, C 3,000, K 1,100; created G; pulled in H; A +200; won A 1,200
        // and G 700; C pushed out; end H 800, K 1,100.
        Run.Waterfall("month", "2026-11-01", "East").Should().Equal(
            "start 3 5100.00",
            "created 1 700.00",
            "pulled_in 1 800.00",
            "amount_changed 1 200.00",
            "won 2 1900.00",
            "lost 0 0.00",
            "pushed_out 1 3000.00",
            "removed 0 0.00",
            "end 2 1900.00");
        // West (R2, R3): start B 2,000, D 4,000, E 5,000; created F; pulled in I; E +500; won I;
        // lost B; D removed (owner R3 the night before it disappeared); end E 5,500, F 600.
        Run.Waterfall("month", "2026-11-01", "West").Should().Equal(
            "start 3 11000.00",
            "created 1 600.00",
            "pulled_in 1 900.00",
            "amount_changed 1 500.00",
            "won 1 900.00",
            "lost 1 2000.00",
            "pushed_out 0 0.00",
            "removed 1 4000.00",
            "end 2 6100.00");
    }

    [Fact]
    public void Quarter_WithSnapshots_CompanyAndTheTeamARepJoined()
    {
        // Start (night 09-30, close in Q4): A, B, C, D, E, K and L 1,500 = 17,600. Created in Q4:
        // F, G, H, J 1,300 = 3,400; pulled in I. Won A, G, I and L 1,500 = 4,300. End: E, F, H, J, K = 9,300.
        Run.Waterfall("quarter", "2026-10-01", "company").Should().Equal(
            "start 7 17600.00",
            "created 4 3400.00",
            "pulled_in 1 900.00",
            "amount_changed 2 700.00",
            "won 4 4300.00",
            "lost 1 2000.00",
            "pushed_out 1 3000.00",
            "removed 1 4000.00",
            "end 5 9300.00");
        // L (R2) was won in October while R2 was East, but R2 is West at the quarter's cut.
        Run.Waterfall("quarter", "2026-10-01", "West").Should().Equal(
            "start 4 12500.00",
            "created 1 600.00",
            "pulled_in 1 900.00",
            "amount_changed 1 500.00",
            "won 2 2400.00",
            "lost 1 2000.00",
            "pushed_out 0 0.00",
            "removed 1 4000.00",
            "end 2 6100.00");
        Run.Sources("quarter", "2026-10-01").Should().Be("snapshot snapshot");
    }

    [Fact]
    public void PastMonth_CountsTheRepInTheTeamOfThatMonthsCut()
    {
        // October: L (close 10-20 on 09-30) won 10-15; its owner R2 was East at the cut 11-01.
        Run.Waterfall("month", "2026-10-01", "East").Should().Equal(
            "start 1 1500.00", "created 0 0.00", "pulled_in 0 0.00", "amount_changed 0 0.00",
            "won 1 1500.00", "lost 0 0.00", "pushed_out 0 0.00", "removed 0 0.00", "end 0 0.00");
        Run.Waterfall("month", "2026-10-01", "West").Should().OnlyContain(row => row.EndsWith(" 0 0.00", StringComparison.Ordinal));
        Run.Sources("month", "2026-10-01").Should().Be("snapshot snapshot");
    }

    [Fact]
    public void Month_WithoutSnapshots_StartsFromTheTimelinesWithTheExportsValues()
    {
        // Only the last night: at 11-01 the timelines have A, B, C, E, H, I, K open (D is gone from
        // the export), valued as tonight's export says: A 1,200, B 2,000, E 5,500, H 800 (now
        // closing 11-27) and K 1,100 close in November = 10,600; C (2027) and I (2027) do not.
        // Created F and G; pulled in I (won); nothing re-priced, pushed out or removed.
        var single = nights.SingleNight;
        single.Waterfall("month", "2026-11-01", "company").Should().Equal(
            "start 5 10600.00",
            "created 2 1300.00",
            "pulled_in 1 900.00",
            "amount_changed 0 0.00",
            "won 3 2800.00",
            "lost 1 2000.00",
            "pushed_out 0 0.00",
            "removed 0 0.00",
            "end 4 8000.00");
        single.Sources("month", "2026-11-01").Should().Be("timeline snapshot");
        single.Sources("month", "2026-10-01").Should().Be("timeline timeline");
    }

    [Fact]
    public void Deals_LargestBehindEachMovement_WithTheirAmounts()
    {
        Run.Rows("""
            select movement, rank, deal_id, cast(amount as varchar), coalesce(cast(amount_at_start as varchar), '-'), coalesce(cast(amount_at_exit as varchar), '-'), is_deleted
            from marts.pipeline_waterfall_deals
            where period_type = 'month' and period_start = date '2026-11-01' and scope = 'company'
                and movement in ('won', 'amount_changed', 'removed')
            order by movement_order, rank
            """).Select(r => string.Join(' ', r)).Should().Equal(
            "amount_changed 1 E 500.00 5000.00 5500.00 False",
            "amount_changed 2 A 200.00 1000.00 1200.00 False",
            "won 1 A 1200.00 1000.00 1200.00 False",
            "won 2 I 900.00 - 900.00 False",
            "won 3 G 700.00 - 700.00 False",
            "removed 1 D 4000.00 4000.00 4000.00 True");
    }

    [Fact]
    public void Identity_HoldsInEveryPeriodAndScope_ToTheCent()
    {
        foreach (var warehouse in new[] { Run, nights.SingleNight })
        {
            var residuals = warehouse.Rows("""
                select period_type, period_start, scope,
                    sum(amount * case when movement in ('won', 'lost', 'pushed_out', 'removed', 'end') then -1 else 1 end)
                from marts.pipeline_waterfall
                group by all
                """);
            residuals.Should().NotBeEmpty();
            residuals.Should().OnlyContain(row => (decimal)row[3]! == 0m);
        }
    }
}
