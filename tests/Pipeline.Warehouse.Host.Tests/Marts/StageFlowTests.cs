namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>
/// marts.stage_flow (METRICS.md section 4); T = 2026-12-01 00:00 UTC. Each deal has its own
/// product (its id), so its exits are the rows of that product.
/// </summary>
public sealed class StageFlowRun : MartsRun
{
    private static readonly (string Deals, string History) Input = Files(
        // Skips connect_call; still sitting in discovery_call.
        Timeline("F_SKIP", Own("F_SKIP"), ("lead", "2026-01-05T00:00:00Z"), ("discovery_call", "2026-01-10T00:00:00Z")),
        // Skips discovery_call, lost from opportunity.
        Timeline("F_LOST", Own("F_LOST"), ("lead", "2026-02-02T00:00:00Z"), ("connect_call", "2026-02-05T00:00:00Z"),
            ("opportunity", "2026-03-10T00:00:00Z"), ("closed_lost", "2026-04-15T00:00:00Z")),
        // Back and forth between opportunity and demo, then on to influencer_buy_in, still open.
        Timeline("F_REGRESS", Own("F_REGRESS"), ("opportunity", "2026-05-01T00:00:00Z"), ("demo", "2026-05-02T00:00:00Z"),
            ("opportunity", "2026-05-03T00:00:00Z"), ("demo", "2026-05-04T00:00:00Z"), ("influencer_buy_in", "2026-06-01T00:00:00Z")),
        // Back from demo to opportunity, then lost.
        Timeline("F_REGRESS_LOST", Own("F_REGRESS_LOST"), ("opportunity", "2026-10-01T00:00:00Z"), ("demo", "2026-10-05T00:00:00Z"),
            ("opportunity", "2026-10-10T00:00:00Z"), ("closed_lost", "2026-11-02T00:00:00Z")),
        // Lost in negotiation, reopened in negotiation, won.
        Timeline("F_REOPEN", Own("F_REOPEN"), ("negotiation", "2026-07-01T00:00:00Z"), ("closed_lost", "2026-07-10T00:00:00Z"),
            ("negotiation", "2026-08-05T00:00:00Z"), ("closed_won", "2026-09-20T00:00:00Z")),
        // Straight from lead to negotiation, won.
        Timeline("F_WON", Own("F_WON"), ("lead", "2026-02-10T00:00:00Z"), ("negotiation", "2026-02-20T00:00:00Z"),
            ("closed_won", "2026-03-15T00:00:00Z")),
        // Nothing but closed_lost.
        Timeline("F_ONLY_LOST", Own("F_ONLY_LOST"), ("closed_lost", "2026-04-01T00:00:00Z")),
        // Exits one second before and exactly at the start of March.
        Timeline("F_BOUNDARY", Own("F_BOUNDARY"), ("lead", "2026-02-20T00:00:00Z"), ("connect_call", "2026-02-28T23:59:59Z"),
            ("discovery_call", "2026-03-01T00:00:00Z")),
        // connect_call one second before T, discovery_call at T (ignored).
        Timeline("F_AT_T", Own("F_AT_T"), ("lead", "2026-11-20T00:00:00Z"), ("connect_call", "2026-11-30T23:59:59Z"),
            ("discovery_call", "2026-12-01T00:00:00Z")));

    public StageFlowRun()
        : base(
            Input.Deals + DealLine("F_GRAIN", "2026-06-01T00:00:00Z", "connect_call", new Grain("R3", "APAC", "F_GRAIN", "enterprise", "referral")),
            // F_GRAIN's history rows name another rep (R2): the grain is the deal's (R3).
            Input.History + HistoryLine("F_GRAIN", "lead", "2026-06-01T00:00:00Z", "R2") + HistoryLine("F_GRAIN", "connect_call", "2026-06-02T00:00:00Z", "R2"))
    {
    }

    /// <summary>The rows of one product: (month, stage, exited, advanced) by month and stage order.</summary>
    public List<(string Month, string Stage, long Exited, long Advanced)> Flow(string product) => Rows(
            "select cast(month as varchar), stage, exited, advanced from marts.stage_flow where product = $product order by month, stage_order",
            ("product", product))
        .Select(r => ((string)r[0]!, (string)r[1]!, Long(r[2]), Long(r[3])))
        .ToList();

    private static Grain Own(string product) => new(Product: product);
}

public sealed class StageFlowTests(StageFlowRun run) : IClassFixture<StageFlowRun>
{
    [Fact]
    public void StageFlow_SkippedStage_CountsAsReachedAndAdvanced()
    {
        // F_SKIP: lead (1) 01-05, discovery_call (3) 01-10. The first entry of order > 1 and the
        // first of order > 2 are both discovery_call at 01-10: lead and the skipped connect_call
        // exit in January, both advanced (each reached the next stage).
        run.Flow("F_SKIP").Should().Equal(("2026-01-01", "lead", 1L, 1L), ("2026-01-01", "connect_call", 1L, 1L));
    }

    [Fact]
    public void StageFlow_DealStillInStage_IsNotInItsDenominator()
    {
        // F_SKIP sits in discovery_call, F_BOUNDARY too: neither has a discovery_call row
        // (asserted in full by the other tests); no open deal's current stage appears.
        run.Rows("""
            select product, stage from marts.stage_flow
            where (product = 'F_SKIP' and stage = 'discovery_call') or (product = 'F_BOUNDARY' and stage = 'discovery_call')
                or (product = 'F_REGRESS' and stage = 'influencer_buy_in') or (product = 'F_GRAIN' and stage = 'connect_call')
            """).Should().BeEmpty();
    }

    [Fact]
    public void StageFlow_LostDeal_ExitsHighestStageAtCloseWithoutAdvancing()
    {
        // F_LOST: lead 02-02, connect_call 02-05, opportunity (4) 03-10, closed_lost 04-15.
        // lead exits at 02-05 (Feb, advanced); connect_call and the skipped discovery_call at
        // 03-10 (Mar, advanced); opportunity has no later entry of order > 4, so it exits at
        // closed_at 04-15 (Apr), not advanced.
        run.Flow("F_LOST").Should().Equal(
            ("2026-02-01", "lead", 1L, 1L),
            ("2026-03-01", "connect_call", 1L, 1L),
            ("2026-03-01", "discovery_call", 1L, 1L),
            ("2026-04-01", "opportunity", 1L, 0L));
    }

    [Fact]
    public void StageFlow_LostAfterRegression_ExitsHighestStageNotCurrentOne()
    {
        // F_REGRESS_LOST: opportunity 10-01, demo 10-05, opportunity 10-10, closed_lost 11-02.
        // 1-3 exit at 10-01 and opportunity at 10-05 (Oct, advanced); the highest stage, demo,
        // exits at closed_at (Nov) without advancing; opportunity is not exited a second time.
        run.Flow("F_REGRESS_LOST").Should().Equal(
            ("2026-10-01", "lead", 1L, 1L),
            ("2026-10-01", "connect_call", 1L, 1L),
            ("2026-10-01", "discovery_call", 1L, 1L),
            ("2026-10-01", "opportunity", 1L, 1L),
            ("2026-11-01", "demo", 1L, 0L));
    }

    [Fact]
    public void StageFlow_Regressions_ExitEachStageOnce()
    {
        // F_REGRESS: opportunity 05-01, demo 05-02, opportunity 05-03, demo 05-04,
        // influencer_buy_in 06-01. Stages 1-3 exit at 05-01, opportunity at its first later
        // entry of order > 4 (demo 05-02), demo at the first of order > 5 (06-01): one exit each.
        run.Flow("F_REGRESS").Should().Equal(
            ("2026-05-01", "lead", 1L, 1L),
            ("2026-05-01", "connect_call", 1L, 1L),
            ("2026-05-01", "discovery_call", 1L, 1L),
            ("2026-05-01", "opportunity", 1L, 1L),
            ("2026-06-01", "demo", 1L, 1L));
    }

    [Fact]
    public void StageFlow_ReopenedThenWon_ExitsNegotiationOnceInMonthOfWin()
    {
        // F_REOPEN: negotiation (8) 07-01, closed_lost 07-10, negotiation 08-05, closed_won 09-20.
        // Stages 1-7 exit at 07-01 (skipped, advanced). The first entry of order > 8 is
        // closed_won (9) at 09-20: one negotiation exit, advanced, in September; the loss on
        // 07-10 is not an exit (the deal's status is won).
        run.Flow("F_REOPEN").Should().Equal(
            ("2026-07-01", "lead", 1L, 1L),
            ("2026-07-01", "connect_call", 1L, 1L),
            ("2026-07-01", "discovery_call", 1L, 1L),
            ("2026-07-01", "opportunity", 1L, 1L),
            ("2026-07-01", "demo", 1L, 1L),
            ("2026-07-01", "influencer_buy_in", 1L, 1L),
            ("2026-07-01", "decision_maker_buy_in", 1L, 1L),
            ("2026-09-01", "negotiation", 1L, 1L));
    }

    [Fact]
    public void StageFlow_Won_CountsClosedWonAsStageNine()
    {
        // F_WON: lead 02-10, negotiation 02-20, closed_won 03-15. lead and the skipped 2-7 exit
        // at 02-20, advanced; negotiation exits at closed_won (order 9 > 8), advanced, in March.
        run.Flow("F_WON").Should().Equal(
            ("2026-02-01", "lead", 1L, 1L),
            ("2026-02-01", "connect_call", 1L, 1L),
            ("2026-02-01", "discovery_call", 1L, 1L),
            ("2026-02-01", "opportunity", 1L, 1L),
            ("2026-02-01", "demo", 1L, 1L),
            ("2026-02-01", "influencer_buy_in", 1L, 1L),
            ("2026-02-01", "decision_maker_buy_in", 1L, 1L),
            ("2026-03-01", "negotiation", 1L, 1L));
    }

    [Fact]
    public void StageFlow_OnlyClosedLost_HasNoExits()
    {
        // F_ONLY_LOST is a lost deal (it is in fact_deal) that reached no stage: closed_lost
        // never counts as reached, so there is nothing to exit.
        run.Rows("select status from core.fact_deal where deal_id = 'F_ONLY_LOST'").Single()[0].Should().Be("lost");
        run.Flow("F_ONLY_LOST").Should().BeEmpty();
    }

    [Fact]
    public void StageFlow_ExitOnMonthBoundary_GoesToMonthStartingThere()
    {
        // F_BOUNDARY: lead exits at connect_call 02-28 23:59:59 (February, the last second);
        // connect_call exits at discovery_call 03-01 00:00:00 (March, the first instant).
        run.Flow("F_BOUNDARY").Should().Equal(("2026-02-01", "lead", 1L, 1L), ("2026-03-01", "connect_call", 1L, 1L));
    }

    [Fact]
    public void StageFlow_EventAtAsOfInstant_IsIgnored()
    {
        // F_AT_T: lead 11-20, connect_call 11-30 23:59:59 (before T: lead exits in November),
        // discovery_call 12-01 00:00 = T (ignored): connect_call has not been exited.
        run.Flow("F_AT_T").Should().Equal(("2026-11-01", "lead", 1L, 1L));
    }

    [Fact]
    public void StageFlow_GrainColumns_ComeFromDeal()
    {
        // F_GRAIN: owned by R3 in APAC, enterprise, lead type referral (the history rows name R2);
        // lead exits at connect_call 06-02, advanced.
        run.Rows("""
                select cast(month as varchar), stage, stage_order, rep_id, region, product, company_size, lead_type, exited, advanced
                from marts.stage_flow where product = 'F_GRAIN'
                """)
            .Select(r => ((string)r[0]!, (string)r[1]!, Convert.ToInt32(r[2], System.Globalization.CultureInfo.InvariantCulture),
                (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!, (string)r[7]!, MartsRun.Long(r[8]), MartsRun.Long(r[9])))
            .Should().Equal(("2026-06-01", "lead", 1, "R3", "APAC", "F_GRAIN", "enterprise", "referral", 1L, 1L));
    }

    [Fact]
    public void StageFlow_AllDeals_SumPerStage()
    {
        // Per stage over every deal (from the cases above; F_ONLY_LOST adds nothing):
        // lead: all 9 other deals exit, advanced. connect_call: all but F_AT_T and F_GRAIN (still
        // in it): 7/7. discovery_call: F_LOST, F_REGRESS, F_REGRESS_LOST, F_REOPEN, F_WON: 5/5.
        // opportunity: the same five, F_LOST not advanced: 5/4. demo: F_REGRESS, F_REGRESS_LOST
        // (not advanced), F_REOPEN, F_WON: 4/3. influencer, decision maker, negotiation:
        // F_REOPEN and F_WON: 2/2 each.
        run.Rows("select stage_order, sum(exited), sum(advanced) from marts.stage_flow group by all order by 1")
            .Select(r => (MartsRun.Long(r[0]), MartsRun.Long(r[1]), MartsRun.Long(r[2])))
            .Should().Equal((1L, 9L, 9L), (2L, 7L, 7L), (3L, 5L, 5L), (4L, 5L, 4L), (5L, 4L, 3L), (6L, 2L, 2L), (7L, 2L, 2L), (8L, 2L, 2L));
    }
}
