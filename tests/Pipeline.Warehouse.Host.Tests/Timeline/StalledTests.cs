using System.Text;

namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>
/// The stalled-deal rule (METRICS.md section 5, fact_deal.is_stalled); T = 2026-12-01 00:00 UTC,
/// so the window W = [T - 365 days, T) = [2025-12-01 00:00, 2026-12-01 00:00).
/// </summary>
public sealed class StalledRun() : TimelineRun(Deals(), History())
{
    // demo baseline: 5 entries of 1 day (into negotiation), 4 of 3 days and 1 of 13 days (into
    // closed_lost), all exited in June 2026; median of 1,1,1,1,1,3,3,3,3,13 = (1 + 3) / 2 = 2 days
    // (the mean, 30 / 10 = 3, would give another threshold).
    // opportunity: 9 entries of 1 day exited in May 2026, and one exited at 2025-11-30 23:59:59,
    // one second before W: 9 count.
    // discovery_call: 9 entries of 1 day exited in May 2026, and one exited at 2025-12-01 00:00,
    // the first instant of W: 10 count, median 1 day.
    private static readonly (string Id, string Stage, string EnteredAt, string? Next, string? ExitedAt)[] Rows =
    [
        .. Enumerable.Range(1, 5).Select(i => ($"BDEMO{i}", "Demo", "2026-06-01T00:00:00Z", (string?)"Negotiation", (string?)"2026-06-02T00:00:00Z")),
        .. Enumerable.Range(6, 4).Select(i => ($"BDEMO{i}", "Demo", "2026-06-01T00:00:00Z", (string?)"Closed lost", (string?)"2026-06-04T00:00:00Z")),
        ("BDEMO10", "Demo", "2026-06-01T00:00:00Z", "Closed lost", "2026-06-14T00:00:00Z"),
        .. Enumerable.Range(1, 9).Select(i => ($"BOPP{i}", "Opportunity", "2026-05-01T00:00:00Z", (string?)"Negotiation", (string?)"2026-05-02T00:00:00Z")),
        ("BOPP10", "Opportunity", "2025-11-29T23:59:59Z", "Negotiation", "2025-11-30T23:59:59Z"),
        .. Enumerable.Range(1, 9).Select(i => ($"BDISC{i}", "Discovery call", "2026-05-01T00:00:00Z", (string?)"Negotiation", (string?)"2026-05-02T00:00:00Z")),
        ("BDISC10", "Discovery call", "2025-11-30T00:00:00Z", "Negotiation", "2025-12-01T00:00:00Z"),
        // Open candidates, each still in its one stage.
        ("DEMO_AT_2X", "Demo", "2026-11-27T00:00:00Z", null, null),
        ("DEMO_OVER_2X", "Demo", "2026-11-26T23:00:00Z", null, null),
        ("DEMO_UNDER_2X", "Demo", "2026-11-29T00:00:00Z", null, null),
        ("OPP_OLD", "Opportunity", "2026-11-01T00:00:00Z", null, null),
        ("DISC_OLD", "Discovery call", "2026-11-01T00:00:00Z", null, null),
    ];

    private static string Deals() => string.Concat(Rows.Select(r => DealLine(r.Id, r.EnteredAt, r.Next ?? r.Stage)));

    private static string History()
    {
        var text = new StringBuilder();
        foreach (var (id, stage, enteredAt, next, exitedAt) in Rows)
        {
            text.Append(HistoryLine(id, stage, enteredAt));
            if (next is not null && exitedAt is not null)
                text.Append(HistoryLine(id, next, exitedAt));
        }
        return text.ToString();
    }
}

public sealed class StalledTests(StalledRun run) : IClassFixture<StalledRun>
{
    [Fact]
    public void IsStalled_AgeExactlyTwiceMedian_IsFalse()
    {
        // In demo since 11-27 00:00: age T - 11-27 = 4 days = 2 x 2, which does not exceed it.
        run.Entries("DEMO_AT_2X")[0].DaysInStage.Should().BeApproximately(4, TimelineRun.Precision);
        run.RequiredDeal("DEMO_AT_2X").IsStalled.Should().BeFalse();
    }

    [Fact]
    public void IsStalled_AgeAboveTwiceMedian_IsTrue()
    {
        // In demo since 11-26 23:00: age 4 days 1 hour > 4.
        run.Entries("DEMO_OVER_2X")[0].DaysInStage.Should().BeApproximately(4 + TimelineRun.Hour, TimelineRun.Precision);
        run.RequiredDeal("DEMO_OVER_2X").IsStalled.Should().BeTrue();
    }

    [Fact]
    public void IsStalled_AgeBelowTwiceMedian_IsFalse()
    {
        // In demo since 11-29: age 2 days < 4.
        run.RequiredDeal("DEMO_UNDER_2X").IsStalled.Should().BeFalse();
    }

    [Fact]
    public void IsStalled_NineEntriesInWindow_IsFalse()
    {
        // opportunity has 9 entries whose next entry falls in W (the tenth exits one second
        // before W): no baseline, so an opportunity aged 30 days (> 2 x 1) is not stalled.
        run.RequiredDeal("OPP_OLD").IsStalled.Should().BeFalse();
    }

    [Fact]
    public void IsStalled_TenEntriesInWindow_IsTrue()
    {
        // discovery_call has 10 entries in W (the tenth exits at exactly T - 365 days, W's first
        // instant); median 1 day, and an age of 30 days exceeds 2.
        run.RequiredDeal("DISC_OLD").IsStalled.Should().BeTrue();
    }

    [Fact]
    public void IsStalled_ClosedOrNoBaselineDeals_AreFalse()
    {
        // BDEMO6-10 are lost; BDEMO1-5, BOPP* and BDISC* sit open in negotiation, which has no
        // entries with a next entry at all. Only DEMO_OVER_2X and DISC_OLD are stalled.
        run.Warehouse.Rows("select deal_id from core.fact_deal where is_stalled order by deal_id")
            .Select(r => (string)r[0]!).Should().Equal("DEMO_OVER_2X", "DISC_OLD");
    }
}
