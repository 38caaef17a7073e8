namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>
/// The report marts at the company, team and rep grains (marts.scope_monthly, scope_periods,
/// report_reps, rep_comparison) on hand-made deals; T = 2026-12-01. Reps R1 and R2 are team East,
/// R3 (no deals) is team West.
/// </summary>
public sealed class ScopeRun : MartsRun
{
    private static readonly (string Deals, string History) Input = Files(
        Timeline("S_R1_WON_A", new Grain(Amount: "1000"), ("lead", "2026-10-01T00:00:00Z"), ("opportunity", "2026-10-05T00:00:00Z"), ("closed_won", "2026-11-03T00:00:00Z")),
        Timeline("S_R1_WON_B", new Grain(Amount: "500"), ("lead", "2026-10-10T00:00:00Z"), ("closed_won", "2026-11-20T00:00:00Z")),
        Timeline("S_R1_LOST", new Grain(Amount: "200"), ("lead", "2026-10-10T00:00:00Z"), ("demo", "2026-10-20T00:00:00Z"), ("closed_lost", "2026-11-25T00:00:00Z")),
        Timeline("S_R2_WON", new Grain(Rep: "R2", Amount: "300"), ("lead", "2026-09-01T00:00:00Z"), ("closed_won", "2026-10-15T00:00:00Z")),
        Timeline("S_R2_OPEN", new Grain(Rep: "R2", Amount: "700"), ("lead", "2026-09-01T00:00:00Z"), ("negotiation", "2026-11-01T00:00:00Z")));

    public ScopeRun()
        : base(Input.Deals, Input.History)
    {
    }
}

public sealed class ScopeTests(ScopeRun run) : IClassFixture<ScopeRun>
{
    [Fact]
    public void ScopeMonthly_HasEveryScopeAndMonth_TeamsAndCompanyAddUp()
    {
        var rows = run.Rows("""
            select scope_type, coalesce(team, '-'), coalesce(rep_id, '-'), closed, won, amount_won, new_pipeline_deals, open_deals_at_cut
            from marts.scope_monthly where month = date '2026-11-01' order by 1, 2, 3
            """);
        rows.Select(r => $"{r[0]} {r[1]} {r[2]}: {MartsRun.Long(r[3])} {MartsRun.Long(r[4])} {MartsRun.Decimal(r[5]):0} {MartsRun.Long(r[6])} {MartsRun.Long(r[7])}")
            .Should().Equal(
                "company - -: 3 2 1500 2 1",
                "rep East R1: 3 2 1500 1 0", // won in November straight from lead: its first entry of order >= 4 is the win
                "rep East R2: 0 0 0 1 1",
                "rep West R3: 0 0 0 0 0",
                "team East -: 3 2 1500 2 1",
                "team West -: 0 0 0 0 0");
        // 12 complete months (T is a month's first day), for each of the 6 scopes.
        MartsRun.Long(run.Rows("select count(*) from marts.scope_monthly")[0][0]).Should().Be(6 * 12);
    }

    [Fact]
    public void ScopePeriods_ThisQuarter_CountsClosesOfEachScope()
    {
        var rows = run.Rows("""
            select scope_type, coalesce(rep_id, team, 'company'), closed, won, amount_won, opportunity_closed, opportunity_won
            from marts.scope_periods where period = 'this_quarter' order by 1, 2
            """);
        rows.Select(r => $"{r[1]}: {MartsRun.Long(r[2])} {MartsRun.Long(r[3])} {MartsRun.Decimal(r[4]):0} {MartsRun.Long(r[5])} {MartsRun.Long(r[6])}")
            .Should().Equal("company: 4 3 1800 4 3", "R1: 3 2 1500 3 2", "R2: 1 1 300 1 1", "R3: 0 0 0 0 0", "East: 4 3 1800 4 3", "West: 0 0 0 0 0");
    }

    [Fact]
    public void ReportReps_ListsARepWithoutDeals()
    {
        var rows = run.Rows("select rep_id, deals, open_deals, has_recent_deals from marts.report_reps order by rep_id");
        rows.Select(r => $"{r[0]} {MartsRun.Long(r[1])} {MartsRun.Long(r[2])} {r[3]}")
            .Should().Equal("R1 3 0 True", "R2 2 1 True", "R3 0 0 False");
    }

    [Theory]
    [InlineData("R1", "amount_won", "better")] // 1500 against the median of 1500 and 300 (900): more than 20% above
    [InlineData("R2", "amount_won", "worse")]
    [InlineData("R1", "won", "about the same")] // 2 against 1.5: within 2 deals
    [InlineData("R1", "win_rate", "too few deals")] // 3 closed deals, the gate is 10
    [InlineData("R1", "median_cycle_days", "too few deals")] // 2 won deals, the gate is 5
    [InlineData("R3", "amount_won", "no peers")] // West has no rep with recent deals to compare with
    [InlineData("R3", "win_rate", "no figure")] // nothing closed
    public void RepComparison_CallsADifferenceOnlyWhereItsTestPasses(string rep, string metric, string verdict)
    {
        var rows = run.Rows("select verdict from marts.rep_comparison where rep_id = $rep and metric = $metric and period = 'this_quarter'",
            ("rep", rep), ("metric", metric));
        rows.Should().ContainSingle().Which[0].Should().Be(verdict);
    }
}
