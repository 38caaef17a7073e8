namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>
/// Roll-ups of the additive marts (METRICS.md section 4: any roll-up is a sum of counts) through
/// the views marts.funnel_monthly and marts.trends_monthly; T = 2026-12-01. EMEA deals are
/// R1 / product X, APAC deals R3 / product Y; amount 100 unless said otherwise.
/// </summary>
public sealed class RollUpRun() : MartsRun(Input.Deals, Input.History)
{
    private static readonly Grain Emea = new();

    private static readonly Grain Apac = new("R3", "APAC", "Y");

    private static readonly (string Deals, string History) Input = Files(
        Timeline("R_A", Emea, ("lead", "2026-01-10T00:00:00Z"), ("connect_call", "2026-02-05T00:00:00Z"), ("closed_lost", "2026-03-10T00:00:00Z")),
        Timeline("R_B", Emea, ("lead", "2026-01-15T00:00:00Z"), ("closed_lost", "2026-01-20T00:00:00Z")),
        Timeline("R_C", Emea with { Amount = "300" }, ("lead", "2026-02-01T00:00:00Z"), ("connect_call", "2026-03-01T00:00:00Z"),
            ("negotiation", "2026-03-15T00:00:00Z"), ("closed_won", "2026-03-20T00:00:00Z")),
        Timeline("R_D", Emea, ("lead", "2026-03-05T00:00:00Z"), ("closed_won", "2026-03-25T00:00:00Z")),
        Timeline("R_E", Emea, ("lead", "2026-03-28T00:00:00Z")),
        Timeline("R_F", Emea, ("lead", "2026-04-01T00:00:00Z"), ("connect_call", "2026-04-02T00:00:00Z")),
        Timeline("R_G", Emea, ("opportunity", "2026-05-01T00:00:00Z")),
        Timeline("R_H", Apac, ("lead", "2026-02-10T00:00:00Z"), ("connect_call", "2026-02-11T00:00:00Z")),
        Timeline("R_I", Apac, ("lead", "2026-01-05T00:00:00Z"), ("closed_lost", "2026-03-31T23:59:59Z")));

    /// <summary>Q1 2026 (January to March) of marts.funnel_monthly for one segment and stage: summed exited and advanced.</summary>
    public (long Exited, long Advanced) FunnelQ1(string type, string value, string stage)
    {
        var r = Rows("""
            select coalesce(sum(exited), 0), coalesce(sum(advanced), 0) from marts.funnel_monthly
            where segment_type = $type and segment_value = $value and stage = $stage
                and month >= date '2026-01-01' and month < date '2026-04-01'
            """,
            ("type", type),
            ("value", value),
            ("stage", stage)).Single();
        return (Long(r[0]), Long(r[1]));
    }

    /// <summary>The same figure summed straight from marts.stage_flow's counts (region filter, or none for all).</summary>
    public (long Exited, long Advanced) FlowQ1(string? region, string stage)
    {
        var r = Rows("""
            select coalesce(sum(exited), 0), coalesce(sum(advanced), 0) from marts.stage_flow
            where ($region is null or region = $region) and stage = $stage
                and month >= date '2026-01-01' and month < date '2026-04-01'
            """,
            ("region", region),
            ("stage", stage)).Single();
        return (Long(r[0]), Long(r[1]));
    }
}

public sealed class RollUpTests(RollUpRun run) : IClassFixture<RollUpRun>
{
    [Fact]
    public void FunnelMonthly_QuarterAndRegion_EqualsStageFlowCountsAndHandCount()
    {
        // Q1 lead exits. EMEA: R_A Feb (advanced), R_B Jan (lost from lead), R_C Mar (connect
        // 03-01), R_D Mar (won from lead) -> 4 exited, 3 advanced: 0.75. APAC: R_H Feb
        // (advanced), R_I Mar (lost 03-31 23:59:59) -> 2, 1: 0.5. all: 6, 4. (R_E is still in
        // lead, R_F exits in April, R_G skips lead in May.)
        // Q1 connect_call. EMEA: R_A Mar (lost from it), R_C Mar (03-15), R_D Mar (03-25) -> 3, 2.
        foreach (var (region, stage, exited, advanced) in new[]
                 {
                     ("EMEA", "lead", 4L, 3L), ("APAC", "lead", 2L, 1L), ("EMEA", "connect_call", 3L, 2L),
                 })
        {
            run.FunnelQ1("region", region, stage).Should().Be((exited, advanced));
            run.FlowQ1(region, stage).Should().Be((exited, advanced));
        }
        run.FunnelQ1("all", "all", "lead").Should().Be((6L, 4L));
        run.FlowQ1(null, "lead").Should().Be((6L, 4L));
        // Conversion of the quarter = sum advanced / sum exited = 3 / 4, not a mean of the
        // monthly conversions (Jan 0/1, Feb 1/1, Mar 2/2: mean 2/3).
        var (e, a) = run.FunnelQ1("region", "EMEA", "lead");
        ((double)a / e).Should().Be(0.75);
    }

    [Fact]
    public void FunnelMonthly_Conversion_IsAdvancedOverExitedPerRow()
    {
        // EMEA lead by month: Jan R_B 1 exited, 0 advanced -> 0.0; Feb R_A 1/1 -> 1.0;
        // Mar R_C, R_D 2/2 -> 1.0; Apr R_F 1/1; May R_G 1/1 (lead skipped).
        run.Rows("""
                select cast(month as varchar), exited, advanced, conversion from marts.funnel_monthly
                where segment_type = 'region' and segment_value = 'EMEA' and stage = 'lead' order by month
                """)
            .Select(r => ((string)r[0]!, MartsRun.Long(r[1]), MartsRun.Long(r[2]), MartsRun.Double(r[3])))
            .Should().Equal(
                ("2026-01-01", 1L, 0L, 0.0), ("2026-02-01", 1L, 1L, 1.0), ("2026-03-01", 2L, 2L, 1.0),
                ("2026-04-01", 1L, 1L, 1.0), ("2026-05-01", 1L, 1L, 1.0));
    }

    [Fact]
    public void FunnelMonthly_EverySegmentQuarterAndStage_EqualsStageFlowSums()
    {
        // Whatever the hand count: per segment, quarter and stage, the view's sums equal the
        // stage_flow counts rolled up directly, and no conversion is outside [0, 1] or NULL.
        run.Rows("""
            with flow as (
                select 'all' as segment_type, 'all' as segment_value, month, stage, exited, advanced from marts.stage_flow
                union all select 'region', region, month, stage, exited, advanced from marts.stage_flow
                union all select 'product', product, month, stage, exited, advanced from marts.stage_flow
                union all select 'company_size', company_size, month, stage, exited, advanced from marts.stage_flow
                union all select 'lead_type', lead_type, month, stage, exited, advanced from marts.stage_flow
            ),
            direct as (
                select segment_type, segment_value, date_trunc('quarter', month) as quarter, stage, sum(exited) as exited, sum(advanced) as advanced
                from flow group by all
            ),
            viewed as (
                select segment_type, segment_value, date_trunc('quarter', month) as quarter, stage, sum(exited) as exited, sum(advanced) as advanced
                from marts.funnel_monthly group by all
            )
            select * from direct full join viewed using (segment_type, segment_value, quarter, stage)
            where direct.exited is distinct from viewed.exited or direct.advanced is distinct from viewed.advanced
            union all
            select segment_type, segment_value, month, stage, exited, advanced, null, null from marts.funnel_monthly
            where conversion is null or conversion < 0 or conversion > 1
            """).Should().BeEmpty();
    }

    [Fact]
    public void TrendsMonthly_WinRate_EqualsWonOverClosedFromOutcomes()
    {
        // EMEA March: won R_C, R_D, lost R_A -> 2 / 3. EMEA January: R_B lost -> 0 (not NULL).
        // APAC March: R_I lost -> 0. All March: 2 won of 4 closed -> 0.5.
        // EMEA March value figures: amount won 300 + 100 = 400 of 400 + 100 closed -> 0.8;
        // average won 400 / 2 = 200; mean cycle (R_C 02-01 -> 03-20 = 47, R_D 03-05 -> 03-25 = 20) / 2 = 33.5.
        var emeaMarch = run.Rows("""
            select closed, won, win_rate, value_win_rate, avg_won_amount, mean_won_cycle_days from marts.trends_monthly
            where segment_type = 'region' and segment_value = 'EMEA' and month = date '2026-03-01'
            """).Single().Select(MartsRun.Double).ToList();
        emeaMarch[0..2].Should().Equal(3, 2);
        emeaMarch[2].Should().BeApproximately(2.0 / 3, MartsRun.Precision);
        emeaMarch[3].Should().BeApproximately(0.8, MartsRun.Precision);
        emeaMarch[4].Should().BeApproximately(200, MartsRun.Precision);
        emeaMarch[5].Should().BeApproximately(33.5, MartsRun.Precision);
        foreach (var (type, value, month, rate) in new[]
                 {
                     ("region", "EMEA", "2026-01-01", 0.0), ("region", "APAC", "2026-03-01", 0.0), ("all", "all", "2026-03-01", 0.5),
                 })
            run.Warehouse.Scalar<double>(
                    "select win_rate from marts.trends_monthly where segment_type = $type and segment_value = $value and month = cast($month as date)",
                    ("type", type), ("value", value), ("month", month))
                .Should().BeApproximately(rate, MartsRun.Precision);
        // And for every region and month, from outcomes_monthly's counts.
        run.Rows("""
            with outcomes as (
                select month, region, sum(won) / (sum(won) + sum(lost)) as win_rate from marts.outcomes_monthly group by all
            )
            select * from outcomes
            full join (select month, segment_value as region, win_rate from marts.trends_monthly where segment_type = 'region' and closed > 0) as trends
                using (month, region)
            where abs(outcomes.win_rate - trends.win_rate) > 1e-12 or outcomes.win_rate is null or trends.win_rate is null
            """).Should().BeEmpty();
    }

    [Fact]
    public void TrendsMonthly_MonthWithVelocityOnly_HasNullRates()
    {
        // EMEA, August 2026: nothing closed (closed 0, won 0; win rate, value win rate, deal size
        // and cycle NULL), but a velocity row: at t = 2026-09-01, R_G is an open opportunity (1);
        // window [2025-09-01, t): R_A, R_B lost, R_C, R_D won -> 0.5; won amounts 300, 100 ->
        // 200; cycles 47, 20 -> 33.5; velocity 1 * 0.5 * 200 / 33.5 = 200 / 67.
        var august = run.Rows("""
            select closed, won, win_rate, value_win_rate, avg_won_amount, mean_won_cycle_days, open_opportunities, velocity_per_day
            from marts.trends_monthly where segment_type = 'region' and segment_value = 'EMEA' and month = date '2026-08-01'
            """).Single().Select(MartsRun.Double).ToList();
        august[0..6].Should().Equal(0, 0, null, null, null, null);
        august[6].Should().Be(1);
        august[7].Should().BeApproximately(200.0 / 67, MartsRun.Precision);
    }
}
