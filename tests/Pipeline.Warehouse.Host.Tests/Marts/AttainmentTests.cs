namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>One row of marts.period_attainment (amounts as decimals, ratios as doubles).</summary>
public sealed record AttainmentRow(
    decimal? Quota,
    decimal WonToDate,
    long WonDeals,
    double? Attainment,
    decimal? Gap,
    decimal OpenInPeriod,
    long OpenInPeriodDeals,
    double? Coverage,
    decimal OverdueOpen,
    long OverdueDeals,
    long OpenDeals,
    decimal OpenAmount);

/// <summary>
/// marts.period_attainment, marts.open_deals and the open pipeline roll-ups (METRICS.md section 8)
/// as of 2026-11-15: T = 2026-11-16 00:00 UTC. Periods: current month November [11-01, 12-01),
/// next month December [12-01, 2027-01-01), current quarter Q4 [10-01, 2027-01-01), next quarter
/// Q1 2027 [2027-01-01, 04-01). Reps: R1 and R2 (East), R3 and R4 (West; R4 inactive); R3 and R4
/// have no deals, R4 no quota. Deals are R1's, amount 100, unless said otherwise.
/// </summary>
public sealed class AttainmentRun() : MartsRun(Input.Deals, Input.History, "2026-11-15", quotas: Quotas, reps: Reps)
{
    private const string Reps = Fixtures.WarehouseRun.Reps + "R4,Di Poe,di@example.com,R3,West,APAC,false\n";

    // R1: 9200 over Q4 2026 (92 days) and 3100 over January 2027 (31 days); R2: 1000 over November;
    // R3: 3000 over [11-16, 12-15] (30 days, half in November, half in December).
    private const string Quotas =
        "R1,2026-10-01,2026-12-31,9200\n" +
        "R1,2027-01-01,2027-01-31,3100\n" +
        "R2,2026-11-01,2026-11-30,1000\n" +
        "R3,2026-11-16,2026-12-15,3000\n";

    private static Grain R1(string amount, string expectedClose = "") => new(Amount: amount, ExpectedClose: expectedClose);

    private static readonly (string Deals, string History) Input = Files(
        // Won: November (current month and quarter), October (quarter only), one second before
        // Q4 (in neither); R2 at November's first instant and a second November win over its quota.
        Timeline("A_WON_NOV", R1("1000"), ("lead", "2026-09-01T00:00:00Z"), ("closed_won", "2026-11-10T12:00:00Z")),
        Timeline("A_WON_OCT", R1("500"), ("lead", "2026-09-01T00:00:00Z"), ("closed_won", "2026-10-20T00:00:00Z")),
        Timeline("A_WON_SEP", R1("700"), ("lead", "2026-09-01T00:00:00Z"), ("closed_won", "2026-09-30T23:59:59Z")),
        Timeline("B_WON", new Grain(Rep: "R2", Amount: "250"), ("lead", "2026-09-01T00:00:00Z"), ("closed_won", "2026-11-01T00:00:00Z")),
        Timeline("B_WON_2", new Grain(Rep: "R2", Amount: "800"), ("lead", "2026-09-01T00:00:00Z"), ("closed_won", "2026-11-05T00:00:00Z")),
        // Open opportunities: due 11-20, due on the as-of date itself, overdue (10-31), due in
        // December, due 2027-01-01, without a date; one that never reached opportunity.
        Timeline("A_OPEN_NOV", R1("2000", "2026-11-20"), ("lead", "2026-10-01T00:00:00Z"), ("opportunity", "2026-10-05T00:00:00Z")),
        Timeline("A_OPEN_ASOF", R1("300", "2026-11-15"), ("lead", "2026-10-01T00:00:00Z"), ("opportunity", "2026-10-05T00:00:00Z")),
        Timeline("A_OVERDUE", R1("400", "2026-10-31"), ("lead", "2026-10-01T00:00:00Z"), ("opportunity", "2026-10-05T00:00:00Z"),
            ("demo", "2026-11-01T00:00:00Z")),
        Timeline("A_OPEN_DEC", R1("5000", "2026-12-31"), ("lead", "2026-10-01T00:00:00Z"), ("negotiation", "2026-10-10T00:00:00Z")),
        Timeline("A_OPEN_JAN", R1("800", "2027-01-01"), ("lead", "2026-10-01T00:00:00Z"), ("opportunity", "2026-10-05T00:00:00Z")),
        Timeline("A_NODATE", R1("600"), ("lead", "2026-10-01T00:00:00Z"), ("opportunity", "2026-10-05T00:00:00Z")),
        Timeline("A_EARLY", R1("900", "2026-11-20"), ("lead", "2026-10-01T00:00:00Z"), ("discovery_call", "2026-10-03T00:00:00Z")),
        // R2's open opportunity due in November, without an amount.
        Timeline("B_OPEN", new Grain(Rep: "R2", Amount: "", ExpectedClose: "2026-11-30"), ("opportunity", "2026-11-01T00:00:00Z")));

    public AttainmentRow Attainment(string periodType, string period, string scope, string? team = null, string? rep = null)
    {
        var r = Rows("""
            select quota, won_to_date, won_deals, attainment, gap, open_in_period, open_in_period_deals, coverage,
                overdue_open, overdue_deals, open_deals, open_amount
            from marts.period_attainment
            where period_type = $type and period = $period and scope_type = $scope
                and team is not distinct from $team and rep_id is not distinct from $rep
            """,
            ("type", periodType),
            ("period", period),
            ("scope", scope),
            ("team", team),
            ("rep", rep)).Single();
        return new AttainmentRow(
            r[0] is null ? (decimal?)null : Decimal(r[0]), Decimal(r[1]), Long(r[2]), Double(r[3]), r[4] is null ? (decimal?)null : Decimal(r[4]),
            Decimal(r[5]), Long(r[6]), Double(r[7]), Decimal(r[8]), Long(r[9]), Long(r[10]), Decimal(r[11]));
    }
}

public sealed class AttainmentTests(AttainmentRun run) : IClassFixture<AttainmentRun>
{
    private static void ShouldMatch(AttainmentRow actual, AttainmentRow expected)
    {
        actual.Should().BeEquivalentTo(expected, options => options
            .ComparingByMembers<AttainmentRow>()
            .Using<double>(ctx => ctx.Subject.Should().BeApproximately(ctx.Expectation, MartsRun.Precision)).WhenTypeIs<double>()
            .Using<double?>(ctx =>
            {
                if (ctx.Expectation is null)
                    ctx.Subject.Should().BeNull();
                else
                    ctx.Subject.Should().BeApproximately(ctx.Expectation.Value, MartsRun.Precision);
            }).WhenTypeIs<double?>());
    }

    [Fact]
    public void PeriodAttainment_Rows_OneEachForRepsTeamsAndCompanyPerPeriod()
    {
        // 4 periods x (4 reps + 2 teams + company) = 28 rows; every period's dates.
        run.Rows("select count(*) from marts.period_attainment").Single()[0].Should().Be(28L);
        run.Rows("""
            select period_type, period, cast(period_start as varchar), cast(period_end as varchar), count(*)
            from marts.period_attainment group by all order by all
            """).Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, MartsRun.Long(r[4])))
            .Should().Equal(
                ("month", "current", "2026-11-01", "2026-12-01", 7L),
                ("month", "next", "2026-12-01", "2027-01-01", 7L),
                ("quarter", "current", "2026-10-01", "2027-01-01", 7L),
                ("quarter", "next", "2027-01-01", "2027-04-01", 7L));
        run.Rows("""
            select rep_id, rep_name, team, is_active from marts.period_attainment
            where scope_type = 'rep' and period_type = 'month' and period = 'current' order by rep_id
            """).Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (bool?)r[3]))
            .Should().Equal(("R1", "Ann Lee", "East", true), ("R2", "Bob Roe", "East", true), ("R3", "Cy Doe", "West", true), ("R4", "Di Poe", "West", false));
    }

    [Fact]
    public void PeriodAttainment_R1CurrentMonth_HandComputed()
    {
        // Quota 9200 * 30 / 92 = 3000. Won: A_WON_NOV 1000. Open in [11-15, 12-01): A_OPEN_NOV 2000
        // and A_OPEN_ASOF 300 (due on the as-of date: in); A_EARLY never reached opportunity.
        // Overdue: A_OVERDUE 400. Coverage 2300 / (3000 - 1000) = 1.15. Open at T: 7 deals,
        // 2000 + 300 + 400 + 5000 + 800 + 600 + 900 = 10000.
        ShouldMatch(run.Attainment("month", "current", "rep", "East", "R1"),
            new AttainmentRow(3000m, 1000m, 1, 1000.0 / 3000, 2000m, 2300m, 2, 1.15, 400m, 1, 7, 10000m));
    }

    [Fact]
    public void PeriodAttainment_R1OtherPeriods_HandComputed()
    {
        // December: quota 9200 * 31 / 92 = 3100; nothing won yet (the period starts at T); open in
        // [12-01, 2027-01-01): A_OPEN_DEC 5000; coverage 5000 / 3100.
        ShouldMatch(run.Attainment("month", "next", "rep", "East", "R1"),
            new AttainmentRow(3100m, 0m, 0, 0.0, 3100m, 5000m, 1, 5000.0 / 3100, 400m, 1, 7, 10000m));
        // Q4: quota 9200; won 1000 + 500 (A_WON_SEP closed one second before Q4: out); open in
        // [11-15, 2027-01-01): 2000 + 300 + 5000; coverage 7300 / 7700.
        ShouldMatch(run.Attainment("quarter", "current", "rep", "East", "R1"),
            new AttainmentRow(9200m, 1500m, 2, 1500.0 / 9200, 7700m, 7300m, 3, 7300.0 / 7700, 400m, 1, 7, 10000m));
        // Q1 2027: the January row's 3100; open: A_OPEN_JAN 800 (due 2027-01-01).
        ShouldMatch(run.Attainment("quarter", "next", "rep", "East", "R1"),
            new AttainmentRow(3100m, 0m, 0, 0.0, 3100m, 800m, 1, 800.0 / 3100, 400m, 1, 7, 10000m));
    }

    [Fact]
    public void PeriodAttainment_QuotaExceededOrMissing_NullCoverage()
    {
        // R2, November: quota 1000; won 250 (at 11-01 00:00, the period's first instant: in) + 800
        // = 1050 > 1000: attainment 1.05, gap -50, coverage NULL. B_OPEN (no amount) counts as a
        // deal with amount 0.
        ShouldMatch(run.Attainment("month", "current", "rep", "East", "R2"),
            new AttainmentRow(1000m, 1050m, 2, 1.05, -50m, 0m, 1, null, 0m, 0, 1, 0m));
        // R2, December: no quota row overlaps: quota, attainment, gap and coverage NULL.
        ShouldMatch(run.Attainment("month", "next", "rep", "East", "R2"),
            new AttainmentRow(null, 0m, 0, null, null, 0m, 0, null, 0m, 0, 1, 0m));
    }

    [Fact]
    public void PeriodAttainment_RepsWithoutDeals_HaveZerosAndProratedQuota()
    {
        // R3: 3000 over 30 days from 11-16: 15 days in November (1500), 15 in December (1500), all
        // 30 in Q4; nothing won or open: attainment 0, coverage 0 / 1500 = 0.
        ShouldMatch(run.Attainment("month", "current", "rep", "West", "R3"),
            new AttainmentRow(1500m, 0m, 0, 0.0, 1500m, 0m, 0, 0.0, 0m, 0, 0, 0m));
        ShouldMatch(run.Attainment("month", "next", "rep", "West", "R3"),
            new AttainmentRow(1500m, 0m, 0, 0.0, 1500m, 0m, 0, 0.0, 0m, 0, 0, 0m));
        ShouldMatch(run.Attainment("quarter", "current", "rep", "West", "R3"),
            new AttainmentRow(3000m, 0m, 0, 0.0, 3000m, 0m, 0, 0.0, 0m, 0, 0, 0m));
        // R4: no deals, no quota.
        ShouldMatch(run.Attainment("quarter", "current", "rep", "West", "R4"),
            new AttainmentRow(null, 0m, 0, null, null, 0m, 0, null, 0m, 0, 0, 0m));
    }

    [Fact]
    public void PeriodAttainment_TeamsAndCompany_SumTheirReps()
    {
        // East, November: quota 3000 + 1000; won 1000 + 1050; open 2300 (3 deals with B_OPEN);
        // coverage 2300 / (4000 - 2050).
        ShouldMatch(run.Attainment("month", "current", "team", "East"),
            new AttainmentRow(4000m, 2050m, 3, 2050.0 / 4000, 1950m, 2300m, 3, 2300.0 / 1950, 400m, 1, 8, 10000m));
        // West, November: R3's 1500 (R4 has none).
        ShouldMatch(run.Attainment("month", "current", "team", "West"),
            new AttainmentRow(1500m, 0m, 0, 0.0, 1500m, 0m, 0, 0.0, 0m, 0, 0, 0m));
        // Company, November: 5500 quota, 2050 won, coverage 2300 / 3450.
        ShouldMatch(run.Attainment("month", "current", "company"),
            new AttainmentRow(5500m, 2050m, 3, 2050.0 / 5500, 3450m, 2300m, 3, 2300.0 / 3450, 400m, 1, 8, 10000m));
        // Company, Q1 2027: only R1's January row (3100).
        ShouldMatch(run.Attainment("quarter", "next", "company"),
            new AttainmentRow(3100m, 0m, 0, 0.0, 3100m, 800m, 1, 800.0 / 3100, 400m, 1, 8, 10000m));
    }

    [Fact]
    public void OpenDeals_OneRowPerOpenDeal_WithFlags()
    {
        // 8 open deals; the won ones are not there. A_OVERDUE: demo since 11-01, 15 days to T.
        var rows = run.Rows("""
            select deal_id, stage, stage_order, days_in_stage, reached_opportunity, is_overdue, in_current_month, in_current_quarter,
                rep_name, team, is_active_rep, amount
            from marts.open_deals order by deal_id
            """);
        rows.Select(r => (string)r[0]!).Should().Equal(
            "A_EARLY", "A_NODATE", "A_OPEN_ASOF", "A_OPEN_DEC", "A_OPEN_JAN", "A_OPEN_NOV", "A_OVERDUE", "B_OPEN");
        (string, string, long, double, bool, bool, bool, bool) Row(string id)
        {
            var r = rows.Single(x => (string)x[0]! == id);
            return ((string)r[0]!, (string)r[1]!, MartsRun.Long(r[2]), Math.Round(MartsRun.Double(r[3])!.Value, 9), (bool)r[4]!, (bool)r[5]!, (bool)r[6]!, (bool)r[7]!);
        }

        Row("A_OVERDUE").Should().Be(("A_OVERDUE", "demo", 5L, 15.0, true, true, false, false));
        Row("A_OPEN_ASOF").Should().Be(("A_OPEN_ASOF", "opportunity", 4L, 42.0, true, false, true, true));
        Row("A_OPEN_DEC").Should().Be(("A_OPEN_DEC", "negotiation", 8L, 37.0, true, false, false, true));
        Row("A_OPEN_JAN").Should().Be(("A_OPEN_JAN", "opportunity", 4L, 42.0, true, false, false, false));
        Row("A_NODATE").Should().Be(("A_NODATE", "opportunity", 4L, 42.0, true, false, false, false));
        Row("A_EARLY").Should().Be(("A_EARLY", "discovery_call", 3L, 44.0, false, false, false, false));
        var b = rows.Single(x => (string)x[0]! == "B_OPEN");
        ((string?)b[8], (string?)b[9], (bool?)b[10], b[11] is null).Should().Be(("Bob Roe", "East", (bool?)true, true));
    }

    [Fact]
    public void OpenPipelineByStage_ScopesHandComputed()
    {
        // Company: discovery_call A_EARLY 900; opportunity A_OPEN_NOV, A_OPEN_ASOF, A_OPEN_JAN,
        // A_NODATE, B_OPEN = 5 deals, 3700; demo A_OVERDUE 400 (overdue); negotiation A_OPEN_DEC 5000.
        // East is the same; R2 has B_OPEN only; West and its reps have no rows.
        var rows = run.Rows("""
            select scope_type, team, rep_id, stage, stage_order, deals, amount, stalled, overdue
            from marts.open_pipeline_by_stage
            order by scope_type, team nulls first, rep_id nulls first, stage_order
            """).Select(r => ((string)r[0]!, (string?)r[1], (string?)r[2], (string)r[3]!, MartsRun.Long(r[4]), MartsRun.Long(r[5]),
                MartsRun.Decimal(r[6]), MartsRun.Long(r[7]), MartsRun.Long(r[8]))).ToList();
        rows.Where(r => r.Item1 == "company").Should().Equal(
            ("company", null, null, "discovery_call", 3L, 1L, 900m, 0L, 0L),
            ("company", null, null, "opportunity", 4L, 5L, 3700m, 0L, 0L),
            ("company", null, null, "demo", 5L, 1L, 400m, 0L, 1L),
            ("company", null, null, "negotiation", 8L, 1L, 5000m, 0L, 0L));
        rows.Where(r => r.Item1 == "team").Select(r => (r.Item2, r.Item4, r.Item6, r.Item7)).Should().Equal(
            ("East", "discovery_call", 1L, 900m), ("East", "opportunity", 5L, 3700m), ("East", "demo", 1L, 400m), ("East", "negotiation", 1L, 5000m));
        rows.Where(r => r.Item3 == "R2").Should().Equal(("rep", "East", "R2", "opportunity", 4L, 1L, 0m, 0L, 0L));
        rows.Where(r => r.Item3 == "R1" && r.Item4 == "opportunity").Select(r => (r.Item6, r.Item7)).Should().Equal((4L, 3700m));
    }

    [Fact]
    public void OpenPipelineByCloseMonth_ScopesHandComputed()
    {
        // Company: October (before the as-of month: overdue) A_OVERDUE 400; November A_OPEN_NOV,
        // A_OPEN_ASOF, A_EARLY, B_OPEN = 4 deals, 3200; December A_OPEN_DEC 5000; January 2027
        // A_OPEN_JAN 800; no date A_NODATE 600.
        var rows = run.Rows("""
            select scope_type, rep_id, cast(close_month as varchar), is_overdue, deals, amount
            from marts.open_pipeline_by_close_month
            order by scope_type, team nulls first, rep_id nulls first, close_month nulls last
            """).Select(r => ((string)r[0]!, (string?)r[1], (string?)r[2], (bool)r[3]!, MartsRun.Long(r[4]), MartsRun.Decimal(r[5]))).ToList();
        rows.Where(r => r.Item1 == "company").Select(r => (r.Item3, r.Item4, r.Item5, r.Item6)).Should().Equal(
            ("2026-10-01", true, 1L, 400m), ("2026-11-01", false, 4L, 3200m), ("2026-12-01", false, 1L, 5000m),
            ("2027-01-01", false, 1L, 800m), (null, false, 1L, 600m));
        rows.Where(r => r.Item2 == "R2").Select(r => (r.Item3, r.Item5, r.Item6)).Should().Equal(("2026-11-01", 1L, 0m));
        rows.Where(r => r.Item1 == "rep").Select(r => r.Item2).Distinct().Should().BeEquivalentTo("R1", "R2");
    }
}
