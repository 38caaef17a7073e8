namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>
/// marts.velocity_monthly (METRICS.md section 5 with T replaced by a month's end t), run as of
/// 2026-11-30. The month checked is June 2026: t = 2026-07-01 00:00, window [2025-07-01 00:00, t)
/// (365 days: no 29 February in between). Deals are EMEA / X, amount 100, unless said otherwise.
/// </summary>
public sealed class VelocityMonthlyRun() : MartsRun(Input.Deals, Input.History)
{
    private static readonly (string Deals, string History) Input = Files(
        // In demo at t (it is won exactly at t, which is not before t): open, not closed.
        Timeline("M_OPEN_AT_T", null, ("opportunity", "2026-06-15T00:00:00Z"), ("demo", "2026-06-20T00:00:00Z"),
            ("closed_won", "2026-07-01T00:00:00Z")),
        Timeline("M_EARLY", null, ("lead", "2026-06-01T00:00:00Z"), ("discovery_call", "2026-06-10T00:00:00Z")),
        Timeline("M_LOST", null, ("opportunity", "2026-05-01T00:00:00Z"), ("closed_lost", "2026-06-30T23:59:59Z")),
        Timeline("M_WON_AT_START", new Grain(Amount: "600"), ("lead", "2025-06-21T00:00:00Z"), ("closed_won", "2025-07-01T00:00:00Z")),
        Timeline("M_WON_BEFORE", new Grain(Amount: "9999"), ("lead", "2025-06-01T00:00:00Z"), ("closed_won", "2025-06-30T23:59:59Z")),
        Timeline("M_WON", new Grain(Amount: "1200"), ("lead", "2026-02-01T00:00:00Z"), ("closed_won", "2026-03-01T00:00:00Z")),
        // Starts after t.
        Timeline("M_LATER", null, ("opportunity", "2026-08-01T00:00:00Z")),
        // Won in May and reopened before t: open at t.
        Timeline("M_WON_REOPENED_BEFORE", null, ("negotiation", "2026-04-01T00:00:00Z"), ("closed_won", "2026-05-01T00:00:00Z"),
            ("negotiation", "2026-05-10T00:00:00Z")),
        // Closed before t and reopened after it: closed at t (open at T).
        Timeline("M_LOST_REOPENED_AFTER", null, ("opportunity", "2026-06-01T00:00:00Z"), ("closed_lost", "2026-06-15T00:00:00Z"),
            ("demo", "2026-08-01T00:00:00Z")),
        Timeline("M_WON_REOPENED_AFTER", new Grain(Amount: "300"), ("lead", "2026-06-01T00:00:00Z"), ("closed_won", "2026-06-10T00:00:00Z"),
            ("negotiation", "2026-09-01T00:00:00Z")));

    public VelocityRow Month(string month, string type = "all", string value = "all") => Rows("""
            select segment_type, segment_value, open_opportunities, win_rate, avg_won_amount, avg_cycle_days, velocity_per_day
            from marts.velocity_monthly where month = cast($month as date) and segment_type = $type and segment_value = $value
            """,
            ("month", month),
            ("type", type),
            ("value", value))
        .Select(r => new VelocityRow((string)r[0]!, (string)r[1]!, Long(r[2]), Double(r[3]), Double(r[4]), Double(r[5]), Double(r[6])))
        .Single();
}

public sealed class VelocityMonthlyTests(VelocityMonthlyRun run) : IClassFixture<VelocityMonthlyRun>
{
    [Fact]
    public void VelocityMonthly_OpenOpportunities_AreThoseOpenAtMonthEnd()
    {
        // At t: M_OPEN_AT_T (in demo; its close at t is not before t) and M_WON_REOPENED_BEFORE
        // (won 05-01, reopened 05-10) -> 2. Not: M_EARLY (discovery_call), M_LATER (starts
        // 08-01), M_LOST_REOPENED_AFTER (lost at t: reopened only on 08-01), the closed deals.
        run.Month("2026-06-01").OpenOpportunities.Should().Be(2);
    }

    [Fact]
    public void VelocityMonthly_WindowFigures_OverDealsClosedAtMonthEnd()
    {
        // Closed at t, in [2025-07-01, t): M_LOST (06-30 23:59:59), M_WON_AT_START (2025-07-01
        // 00:00, the window's first instant), M_WON, and the two deals reopened after t, which
        // were closed at t: M_LOST_REOPENED_AFTER (lost 06-15), M_WON_REOPENED_AFTER (won 06-10).
        // M_WON_BEFORE closed one second before the window; M_OPEN_AT_T closes at t.
        // win_rate = 3 won / 5 closed = 0.6.
        // avg_won_amount = (600 + 1200 + 300) / 3 = 700.
        // avg_cycle_days = (10 [2025-06-21 -> 07-01] + 28 [02-01 -> 03-01] + 9 [06-01 -> 06-10]) / 3 = 47 / 3.
        // velocity_per_day = 2 * 0.6 * 700 / (47 / 3) = 2520 / 47.
        var june = run.Month("2026-06-01");
        june.WinRate.Should().BeApproximately(0.6, MartsRun.Precision);
        june.AvgWonAmount.Should().BeApproximately(700, MartsRun.Precision);
        june.AvgCycleDays.Should().BeApproximately(47.0 / 3, MartsRun.Precision);
        june.VelocityPerDay.Should().BeApproximately(2520.0 / 47, MartsRun.Precision);
    }

    [Fact]
    public void VelocityMonthly_ReopenedDeal_CountsAsClosedOnlyUntilReopened()
    {
        // July, t = 2026-08-01 00:00, window [2025-08-01, t): M_WON_AT_START and M_WON_BEFORE
        // are out; M_LOST, M_WON, M_OPEN_AT_T (won 07-01), M_WON_REOPENED_AFTER (won 06-10,
        // reopened 09-01) are in; M_LOST_REOPENED_AFTER was reopened at exactly t (08-01 00:00),
        // which is not before t: still lost at t. 5 closed, 3 won: 0.6.
        // Open at t: M_WON_REOPENED_BEFORE only (M_LATER enters opportunity at t, not before) -> 1.
        // Won amounts 1200, 100, 300: mean 1600 / 3; cycles 28, 16 [06-15 -> 07-01], 9: mean 53 / 3.
        // velocity = 1 * 0.6 * (1600 / 3) / (53 / 3) = 960 / 53.
        var july = run.Month("2026-07-01");
        july.OpenOpportunities.Should().Be(1);
        july.WinRate.Should().BeApproximately(0.6, MartsRun.Precision);
        july.AvgWonAmount.Should().BeApproximately(1600.0 / 3, MartsRun.Precision);
        july.AvgCycleDays.Should().BeApproximately(53.0 / 3, MartsRun.Precision);
        july.VelocityPerDay.Should().BeApproximately(960.0 / 53, MartsRun.Precision);
    }

    [Fact]
    public void VelocityMonthly_LastMonthEndingAtT_EqualsVelocity()
    {
        // As of 2026-11-30, November's end is T itself: each segment's row for 2026-11 is marts.velocity's.
        var velocity = run.Rows("""
            select segment_type, segment_value, open_opportunities, win_rate, avg_won_amount, avg_cycle_days, velocity_per_day
            from marts.velocity order by all
            """);
        var november = run.Rows("""
            select segment_type, segment_value, open_opportunities, win_rate, avg_won_amount, avg_cycle_days, velocity_per_day
            from marts.velocity_monthly where month = date '2026-11-01' order by all
            """);
        november.Should().HaveCount(velocity.Count);
        for (var i = 0; i < velocity.Count; i++)
        {
            november[i][0..3].Should().Equal(velocity[i][0..3]);
            for (var c = 3; c < 7; c++)
            {
                var expected = MartsRun.Double(velocity[i][c]);
                if (expected is null)
                    november[i][c].Should().BeNull();
                else
                    MartsRun.Double(november[i][c]).Should().BeApproximately(expected.Value, MartsRun.Precision);
            }
        }
    }
}
