namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>One row of marts.velocity.</summary>
public sealed record VelocityRow(
    string SegmentType,
    string SegmentValue,
    long OpenOpportunities,
    double? WinRate,
    double? AvgWonAmount,
    double? AvgCycleDays,
    double? VelocityPerDay);

/// <summary>
/// marts.velocity (METRICS.md section 5) as of 2026-11-30: T = 2026-12-01 00:00, W = [2025-12-01 00:00, T).
/// Deals are EMEA / X / unknown size and lead type, amount 100, unless said otherwise.
/// </summary>
public sealed class VelocityRun() : MartsRun(Input.Deals, Input.History)
{
    private static readonly Grain Apac = new(Region: "APAC", Product: "Y", CompanySize: "enterprise");

    private static readonly (string Deals, string History) Input = Files(
        // Closed in W: three won (one without an amount), one lost at W's first instant.
        Timeline("V_WON_1", new Grain(Amount: "1000"), ("lead", "2026-01-01T00:00:00Z"), ("closed_won", "2026-01-11T00:00:00Z")),
        Timeline("V_WON_2", new Grain(Amount: "3000"), ("lead", "2026-02-01T00:00:00Z"), ("closed_won", "2026-03-03T00:00:00Z")),
        Timeline("V_WON_NO_AMOUNT", new Grain(Amount: ""), ("lead", "2026-04-01T00:00:00Z"), ("closed_won", "2026-04-21T00:00:00Z")),
        Timeline("V_LOST_AT_START", new Grain(Amount: "500"), ("lead", "2025-11-01T00:00:00Z"), ("closed_lost", "2025-12-01T00:00:00Z")),
        // Won one second before W; the only deal of lead type event.
        Timeline("V_WON_BEFORE", new Grain(LeadType: "event", Amount: "9999"), ("lead", "2025-11-01T00:00:00Z"),
            ("closed_won", "2025-11-30T23:59:59Z")),
        // Open: an opportunity (now in demo), a lost deal reopened in demo, one that never reached opportunity.
        Timeline("V_OPEN_OPP", null, ("lead", "2026-10-01T00:00:00Z"), ("opportunity", "2026-10-05T00:00:00Z"), ("demo", "2026-10-10T00:00:00Z")),
        Timeline("V_OPEN_REOPENED", null, ("negotiation", "2026-06-01T00:00:00Z"), ("closed_lost", "2026-06-10T00:00:00Z"),
            ("demo", "2026-06-20T00:00:00Z")),
        Timeline("V_OPEN_EARLY", null, ("lead", "2026-09-01T00:00:00Z"), ("discovery_call", "2026-09-05T00:00:00Z")),
        // The only APAC / Y / enterprise deal: an open opportunity.
        Timeline("V_APAC", Apac, ("opportunity", "2026-11-01T00:00:00Z")),
        // The only LATAM / Z / smb / inbound deal: lost in W.
        Timeline("V_LATAM", new Grain(Region: "LATAM", Product: "Z", CompanySize: "smb", LeadType: "inbound"),
            ("lead", "2026-05-01T00:00:00Z"), ("closed_lost", "2026-05-02T00:00:00Z")));

    public List<VelocityRow> Velocity() => Rows("""
            select segment_type, segment_value, open_opportunities, win_rate, avg_won_amount, avg_cycle_days, velocity_per_day
            from marts.velocity
            """)
        .Select(r => new VelocityRow((string)r[0]!, (string)r[1]!, Long(r[2]), Double(r[3]), Double(r[4]), Double(r[5]), Double(r[6])))
        .ToList();

    public VelocityRow Segment(string type, string value) => Velocity().Single(v => v.SegmentType == type && v.SegmentValue == value);
}

public sealed class VelocityTests(VelocityRun run) : IClassFixture<VelocityRun>
{
    [Fact]
    public void Velocity_Segments_OneRowPerTypeAndValueSeen()
    {
        // all; region EMEA, APAC, LATAM; product X, Y, Z; company_size unknown (empty), enterprise
        // (V_APAC), smb (V_LATAM); lead_type unknown (empty), event (V_WON_BEFORE), inbound (V_LATAM).
        run.Velocity().Select(v => (v.SegmentType, v.SegmentValue)).Should().BeEquivalentTo(new[]
        {
            ("all", "all"), ("region", "APAC"), ("region", "EMEA"), ("region", "LATAM"), ("product", "X"), ("product", "Y"),
            ("product", "Z"), ("company_size", "enterprise"), ("company_size", "smb"), ("company_size", "unknown"),
            ("lead_type", "event"), ("lead_type", "inbound"), ("lead_type", "unknown"),
        });
        run.Rows("select distinct cast(as_of as varchar) from marts.velocity").Single()[0].Should().Be("2026-11-30");
    }

    [Fact]
    public void Velocity_OpenOpportunities_CountsOpenDealsThatReachedOpportunity()
    {
        // Open at T: V_OPEN_OPP (reached opportunity, now demo), V_OPEN_REOPENED (reached
        // negotiation, lost, reopened in demo: open), V_APAC (opportunity) -> 3.
        // V_OPEN_EARLY never got past discovery_call; the closed deals are not open.
        run.Segment("all", "all").OpenOpportunities.Should().Be(3);
        run.Segment("region", "EMEA").OpenOpportunities.Should().Be(2);
        run.Segment("region", "APAC").OpenOpportunities.Should().Be(1);
    }

    [Fact]
    public void Velocity_WindowFigures_OverDealsClosedInWindow()
    {
        // Closed in W: V_WON_1, V_WON_2, V_WON_NO_AMOUNT (won), V_LOST_AT_START (lost at
        // 2025-12-01 00:00 = T - 365 days, in) and V_LATAM (lost). V_WON_BEFORE closed one second
        // earlier: out. all: win_rate = 3 / 5 = 0.6; EMEA: 3 / 4 = 0.75.
        // avg_won_amount = (1000 + 3000) / 2 = 2000 (V_WON_NO_AMOUNT has none; 9999 is out).
        // avg_cycle_days over the three won: 01-01 -> 01-11 = 10, 02-01 -> 03-03 = 28 + 2 = 30,
        // 04-01 -> 04-21 = 20; (10 + 30 + 20) / 3 = 20.
        var all = run.Segment("all", "all");
        all.WinRate.Should().BeApproximately(0.6, MartsRun.Precision);
        run.Segment("region", "EMEA").WinRate.Should().BeApproximately(0.75, MartsRun.Precision);
        all.AvgWonAmount.Should().BeApproximately(2000, MartsRun.Precision);
        all.AvgCycleDays.Should().BeApproximately(20, MartsRun.Precision);
    }

    [Fact]
    public void Velocity_PerDay_IsOpenTimesWinRateTimesAmountOverCycle()
    {
        // all: 3 * 0.6 * 2000 / 20 = 180 per day. EMEA (and product X, company_size unknown):
        // 2 open, 3 won of 4 closed: 2 * 0.75 * 2000 / 20 = 150. lead_type unknown: every deal but
        // V_WON_BEFORE (outside W anyway) and V_LATAM: 3 open, 3 * 0.75 * 2000 / 20 = 225.
        run.Segment("all", "all").VelocityPerDay.Should().BeApproximately(180, MartsRun.Precision);
        run.Segment("region", "EMEA").VelocityPerDay.Should().BeApproximately(150, MartsRun.Precision);
        run.Segment("product", "X").VelocityPerDay.Should().BeApproximately(150, MartsRun.Precision);
        run.Segment("company_size", "unknown").VelocityPerDay.Should().BeApproximately(150, MartsRun.Precision);
        run.Segment("lead_type", "unknown").VelocityPerDay.Should().BeApproximately(225, MartsRun.Precision);
    }

    [Fact]
    public void Velocity_SegmentWithoutCloses_HasNullRates()
    {
        // APAC (product Y, enterprise): one open opportunity, no deal closed in W: win rate,
        // amount, cycle and velocity NULL. lead_type event: its one deal closed before W, nothing open.
        foreach (var (type, value, open) in new[] { ("region", "APAC", 1L), ("product", "Y", 1L), ("company_size", "enterprise", 1L), ("lead_type", "event", 0L) })
            run.Segment(type, value).Should().Be(new VelocityRow(type, value, open, null, null, null, null));
    }

    [Fact]
    public void Velocity_SegmentWithLossesOnly_HasZeroWinRateAndNullVelocity()
    {
        // LATAM (product Z, smb, inbound): one deal, lost in W, none open: win rate 0 / 1 = 0
        // (a rate, not NULL); no won deal, so average amount and cycle are NULL, and so is the
        // velocity (its denominator, the cycle, is missing).
        foreach (var (type, value) in new[] { ("region", "LATAM"), ("product", "Z"), ("company_size", "smb"), ("lead_type", "inbound") })
            run.Segment(type, value).Should().Be(new VelocityRow(type, value, 0, 0.0, null, null, null));
    }
}

/// <summary>A run with no deals at all (files with headers only; an empty export must be allowed).</summary>
public sealed class VelocityEmptyRun() : MartsRun("", "", allowShrink: true);

public sealed class VelocityEmptyTests(VelocityEmptyRun run) : IClassFixture<VelocityEmptyRun>
{
    [Fact]
    public void Velocity_NoDeals_HasAllRowWithZeroOpenAndNullRates()
    {
        // No deal: only the segment all, 0 open, no closes, so every ratio is NULL (no error).
        run.Rows("select segment_type, segment_value, open_opportunities, win_rate, avg_won_amount, avg_cycle_days, velocity_per_day from marts.velocity")
            .Select(r => new VelocityRow((string)r[0]!, (string)r[1]!, MartsRun.Long(r[2]), MartsRun.Double(r[3]), MartsRun.Double(r[4]), MartsRun.Double(r[5]), MartsRun.Double(r[6])))
            .Should().Equal(new VelocityRow("all", "all", 0, null, null, null, null));
    }

    [Fact]
    public void VelocityMonthly_NoDeals_HasAllRowPerMonthWithNullRates()
    {
        // 24 month ends (2024-12 .. 2026-11), segment all only, 0 open, NULL ratios.
        var r = run.Rows("""
            select count(*), count(distinct month), min(cast(month as varchar)), max(cast(month as varchar)),
                sum(open_opportunities), count(win_rate), count(velocity_per_day)
            from marts.velocity_monthly where segment_type = 'all'
            """).Single();
        (MartsRun.Long(r[0]), MartsRun.Long(r[1]), (string)r[2]!, (string)r[3]!, MartsRun.Long(r[4]), MartsRun.Long(r[5]), MartsRun.Long(r[6]))
            .Should().Be((24L, 24L, "2024-12-01", "2026-11-01", 0L, 0L, 0L));
        run.Rows("select count(*) from marts.velocity_monthly where segment_type <> 'all'").Single()[0].Should().Be(0L);
    }
}
