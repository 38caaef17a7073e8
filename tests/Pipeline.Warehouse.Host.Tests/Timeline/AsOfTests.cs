namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>
/// Run as of 2026-06-30, so the as-of instant T is 2026-07-01 00:00 UTC (METRICS.md section 1).
/// </summary>
public sealed class AsOfRun() : TimelineRun(
    // A1: history around T. A2: created exactly at T. A3: created a second before T, no history.
    // A4: created well after T. A5: all history at or after T. A6: closes exactly at T.
    DealLine("A1", "2026-06-01T00:00:00Z", "Negotiation")
        + DealLine("A2", "2026-07-01T00:00:00Z", "Lead")
        + DealLine("A3", "2026-06-30T23:59:59Z", "Connect call")
        + DealLine("A4", "2026-08-15T00:00:00Z", "Closed won", expectedClose: "2026-09-01")
        + DealLine("A5", "2026-05-01T00:00:00Z", "Closed won")
        + DealLine("A6", "2026-06-01T00:00:00Z", "Closed won"),
    HistoryLine("A1", "Lead", "2026-06-01T00:00:00Z")
        + HistoryLine("A1", "Demo", "2026-06-30T23:59:59Z")
        + HistoryLine("A1", "Negotiation", "2026-07-01T00:00:00Z")
        + HistoryLine("A2", "Lead", "2026-07-01T00:00:00Z")
        + HistoryLine("A5", "Demo", "2026-07-01T00:00:00Z")
        + HistoryLine("A5", "Closed won", "2026-07-05T00:00:00Z")
        + HistoryLine("A6", "Lead", "2026-06-01T00:00:00Z")
        + HistoryLine("A6", "Closed won", "2026-07-01T00:00:00Z"),
    asOf: "2026-06-30");

public sealed class AsOfTests(AsOfRun run) : IClassFixture<AsOfRun>
{
    [Fact]
    public void Timeline_EventOneSecondBeforeT_IsKept()
    {
        var entries = run.Entries("A1");

        // A1: lead 06-01 00:00, demo 06-30 23:59:59 (one second before T = 07-01 00:00) is kept.
        entries.Select(e => e.Stage).Should().Equal("lead", "demo");
        entries[1].EnteredAt.Should().Be(TimelineRun.Utc(2026, 6, 30, 23, 59, 59));
        // lead lasts from 06-01 00:00 to 06-30 23:59:59: 30 days less one second.
        entries[0].DaysInStage.Should().BeApproximately(30 - TimelineRun.Second, TimelineRun.Precision);
        // demo is the open last entry: its age is T - 06-30 23:59:59 = one second.
        entries[1].DaysInStage.Should().BeApproximately(TimelineRun.Second, TimelineRun.Precision);
    }

    [Fact]
    public void Timeline_EventExactlyAtT_IsIgnored()
    {
        // A1's negotiation row at 07-01 00:00 = T is ignored: the deal is still in demo, open,
        // although its export says Negotiation.
        var deal = run.RequiredDeal("A1");

        run.Entries("A1").Should().NotContain(e => e.Stage == "negotiation");
        run.Entries("A1")[^1].ExitedAt.Should().BeNull();
        deal.CurrentStage.Should().Be("demo");
        deal.Status.Should().Be("open");
        deal.MaxStageOrder.Should().Be(5);
    }

    [Fact]
    public void FactDeal_DealCreatedExactlyAtT_IsLeftOut()
    {
        // A2 is created at 07-01 00:00 = T, A4 on 08-15: neither is in fact_deal nor has a timeline.
        run.Deal("A2").Should().BeNull();
        run.Deal("A4").Should().BeNull();
        run.Entries("A2").Should().BeEmpty();
        run.Entries("A4").Should().BeEmpty();
    }

    [Fact]
    public void FactDeal_DealCreatedOneSecondBeforeT_IsIn()
    {
        // A3, created 06-30 23:59:59, has no history: one synthesized entry of its exported open
        // stage (connect_call) at created_at, aged one second.
        var deal = run.RequiredDeal("A3");
        var entries = run.Entries("A3");

        deal.Status.Should().Be("open");
        entries.Should().ContainSingle();
        entries[0].Stage.Should().Be("connect_call");
        entries[0].EnteredAt.Should().Be(TimelineRun.Utc(2026, 6, 30, 23, 59, 59));
        entries[0].DaysInStage.Should().BeApproximately(TimelineRun.Second, TimelineRun.Precision);
    }

    [Fact]
    public void LoadFile_DealsCreatedAtOrAfterT_AreCountedAsLoaded()
    {
        // All 6 deals rows and all 8 history rows load (A2 and A4 too, and the history rows at or
        // after T); only A1, A3, A5 and A6 are in fact_deal.
        var files = run.Warehouse.Rows("select file, rows, loaded, rejected, duplicates from meta.load_file order by file");

        files.Should().ContainEquivalentOf(new object?[] { "deals.csv", 6L, 6L, 0L, 0L });
        files.Should().ContainEquivalentOf(new object?[] { "stage_history.csv", 8L, 8L, 0L, 0L });
        run.Warehouse.Scalar<long>("select count(*) from core.fact_deal").Should().Be(4);
        run.Result.DealsAfterAsOf.Should().Be(2);
    }

    [Fact]
    public void Timeline_AllHistoryAtOrAfterT_IsOneSynthesizedLeadAtCreatedAt()
    {
        // A5 (created 05-01, exported Closed won) has history only on 07-01 and 07-05, both at or
        // after T: one synthesized lead entry at created_at, open, aged T - 05-01 = 31 + 30 = 61 days.
        var entries = run.Entries("A5");
        var deal = run.RequiredDeal("A5");

        entries.Should().ContainSingle();
        entries[0].Stage.Should().Be("lead");
        entries[0].EnteredAt.Should().Be(TimelineRun.Utc(2026, 5, 1));
        entries[0].IsSynthesized.Should().BeTrue();
        entries[0].DaysInStage.Should().BeApproximately(61, TimelineRun.Precision);
        deal.Status.Should().Be("open");
        deal.ClosedAt.Should().BeNull();
        deal.CycleDays.Should().BeNull();
    }

    [Fact]
    public void FactDeal_CloseExactlyAtT_IsStillOpen()
    {
        // A6: lead 06-01, closed_won at T. The close is ignored: an open lead aged 30 days.
        var deal = run.RequiredDeal("A6");

        deal.Status.Should().Be("open");
        deal.CurrentStage.Should().Be("lead");
        deal.ClosedAt.Should().BeNull();
        run.Entries("A6").Should().ContainSingle()
            .Which.DaysInStage.Should().BeApproximately(30, TimelineRun.Precision);
    }
}
