namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>
/// Entries built from the export row (METRICS.md section 3, "Synthesized entries"); T = 2026-12-01 00:00 UTC.
/// S1-S8 have no history rows at all; S9's only row is at T; S10 has history.
/// </summary>
public sealed class SynthesizedEntryRun() : TimelineRun(
    DealLine("S1", "2026-05-01T00:00:00Z", "Demo complete")
        + DealLine("S2", "2026-03-01T12:00:00Z", "Closed won", expectedClose: "2026-04-01")
        + DealLine("S3", "2026-02-01T08:00:00Z", "Closed lost")
        + DealLine("S4", "2026-06-10T00:00:00Z", "Closed won", expectedClose: "2026-06-01")
        + DealLine("S5", "2026-06-10T15:00:00Z", "Closed won", expectedClose: "2026-06-10")
        + DealLine("S6", "2026-11-01T00:00:00Z", "Closed won", expectedClose: "2026-12-15")
        + DealLine("S7", "2026-11-01T00:00:00Z", "Closed lost", expectedClose: "2026-12-01")
        + DealLine("S8", "2026-11-01T00:00:00Z", "Closed lost", expectedClose: "2026-11-30")
        + DealLine("S9", "2026-10-01T00:00:00Z", "Negotiation")
        + DealLine("S10", "2026-09-01T00:00:00Z", "Closed won", expectedClose: "2026-09-30"),
    HistoryLine("S9", "Negotiation", "2026-12-01T00:00:00Z")
        + HistoryLine("S10", "Lead", "2026-09-01T00:00:00Z")
        + HistoryLine("S10", "Demo", "2026-09-05T00:00:00Z"));

public sealed class SynthesizedEntryTests(SynthesizedEntryRun run) : IClassFixture<SynthesizedEntryRun>
{
    [Fact]
    public void Timeline_NoHistoryOpenExportedStage_IsOneEntryAtCreatedAt()
    {
        var entries = run.Entries("S1");
        var deal = run.RequiredDeal("S1");

        // S1 is exported in "Demo complete" (demo, open): one synthesized demo entry at
        // created_at 05-01, aged T - 05-01 = 31 + 30 + 31 + 31 + 30 + 31 + 30 = 214 days.
        entries.Should().ContainSingle();
        entries[0].Stage.Should().Be("demo");
        entries[0].EnteredAt.Should().Be(TimelineRun.Utc(2026, 5, 1));
        entries[0].IsSynthesized.Should().BeTrue();
        entries[0].DaysInStage.Should().BeApproximately(214, TimelineRun.Precision);
        deal.Status.Should().Be("open");
        deal.MaxStageOrder.Should().Be(5);
        deal.StartAt.Should().Be(TimelineRun.Utc(2026, 5, 1));
    }

    [Fact]
    public void Timeline_NoHistoryClosedExportedStage_IsLeadThenCloseAtExpectedCloseDate()
    {
        var entries = run.Entries("S2");
        var deal = run.RequiredDeal("S2");

        // S2: lead at created_at 03-01 12:00, closed_won at the expected close date 04-01 00:00.
        // lead lasts 03-01 12:00 -> 04-01 00:00 = 30.5 days; both entries synthesized.
        entries.Select(e => (e.Stage, e.EnteredAt, e.IsSynthesized)).Should().Equal(
            ("lead", TimelineRun.Utc(2026, 3, 1, 12), true),
            ("closed_won", TimelineRun.Utc(2026, 4, 1), true));
        entries[0].DaysInStage.Should().BeApproximately(30.5, TimelineRun.Precision);
        entries[1].DaysInStage.Should().BeNull();
        // Won at 04-01; cycle = closed_at - start (created_at) = 30.5 days.
        deal.Status.Should().Be("won");
        deal.ClosedAt.Should().Be(TimelineRun.Utc(2026, 4, 1));
        deal.CycleDays.Should().BeApproximately(30.5, TimelineRun.Precision);
        deal.MaxStageOrder.Should().Be(9);
    }

    [Fact]
    public void Timeline_NoHistoryClosedWithoutExpectedCloseDate_ClosesAtCreatedAt()
    {
        var entries = run.Entries("S3");
        var deal = run.RequiredDeal("S3");

        // S3 (Closed lost, no expected close date): lead and closed_lost both at created_at
        // 02-01 08:00, lead first (closed_lost sorts last); lead lasts 0 days; cycle 0.
        entries.Select(e => (e.Stage, e.EnteredAt)).Should().Equal(
            ("lead", TimelineRun.Utc(2026, 2, 1, 8)), ("closed_lost", TimelineRun.Utc(2026, 2, 1, 8)));
        entries[0].DaysInStage.Should().Be(0);
        deal.Status.Should().Be("lost");
        deal.CycleDays.Should().Be(0);
        deal.MaxStageOrder.Should().Be(1);
    }

    [Theory]
    // S4: expected close 06-01 is before created_at 06-10 00:00 -> closes at 06-10 00:00.
    [InlineData("S4", 2026, 6, 10, 0)]
    // S5: expected close 06-10 is midnight, before created_at 06-10 15:00 -> closes at 15:00.
    [InlineData("S5", 2026, 6, 10, 15)]
    public void Timeline_NoHistoryExpectedCloseBeforeCreatedAt_ClosesAtCreatedAt(string dealId, int year, int month, int day, int hour)
    {
        var createdAt = TimelineRun.Utc(year, month, day, hour);
        var entries = run.Entries(dealId);
        var deal = run.RequiredDeal(dealId);

        entries.Select(e => (e.Stage, e.EnteredAt)).Should().Equal(("lead", createdAt), ("closed_won", createdAt));
        deal.Status.Should().Be("won");
        deal.ClosedAt.Should().Be(createdAt);
        deal.CycleDays.Should().Be(0);
    }

    [Theory]
    // S6: expected close 12-15 is after T; S7: expected close 12-01 00:00 is exactly T.
    [InlineData("S6")]
    [InlineData("S7")]
    public void Timeline_NoHistoryCloseAtOrAfterT_IsOpenLead(string dealId)
    {
        var entries = run.Entries(dealId);
        var deal = run.RequiredDeal(dealId);

        // The close entry is dropped like any entry at or after T: an open lead since created_at
        // 11-01, aged T - 11-01 = 30 days.
        entries.Should().ContainSingle();
        entries[0].Stage.Should().Be("lead");
        entries[0].IsSynthesized.Should().BeTrue();
        entries[0].DaysInStage.Should().BeApproximately(30, TimelineRun.Precision);
        deal.Status.Should().Be("open");
        deal.ClosedAt.Should().BeNull();
        deal.CycleDays.Should().BeNull();
        deal.CurrentStage.Should().Be("lead");
    }

    [Fact]
    public void Timeline_NoHistoryCloseTheDayBeforeT_IsClosed()
    {
        var deal = run.RequiredDeal("S8");

        // S8: expected close 11-30 00:00 is before T: lead 11-01 -> closed_lost 11-30 = 29 days.
        run.Entries("S8").Select(e => e.Stage).Should().Equal("lead", "closed_lost");
        run.Entries("S8")[0].DaysInStage.Should().BeApproximately(29, TimelineRun.Precision);
        deal.Status.Should().Be("lost");
        deal.ClosedAt.Should().Be(TimelineRun.Utc(2026, 11, 30));
        deal.CycleDays.Should().BeApproximately(29, TimelineRun.Precision);
    }

    [Fact]
    public void Timeline_HistoryOnlyAtOrAfterT_IsLeadNotExportedStage()
    {
        var entries = run.Entries("S9");

        // S9 is exported in Negotiation, but its one history row is at T: one synthesized lead
        // entry at created_at 10-01 (not the exported stage), aged 31 + 30 = 61 days.
        entries.Should().ContainSingle();
        entries[0].Stage.Should().Be("lead");
        entries[0].EnteredAt.Should().Be(TimelineRun.Utc(2026, 10, 1));
        entries[0].IsSynthesized.Should().BeTrue();
        entries[0].DaysInStage.Should().BeApproximately(61, TimelineRun.Precision);
    }

    [Fact]
    public void Timeline_HistoryBeforeT_IgnoresExportedStage()
    {
        var deal = run.RequiredDeal("S10");

        // S10 is exported Closed won, but its history (lead 09-01, demo 09-05) is the timeline:
        // nothing synthesized, open in demo.
        run.Entries("S10").Select(e => (e.Stage, e.IsSynthesized)).Should().Equal(("lead", false), ("demo", false));
        deal.Status.Should().Be("open");
        deal.CurrentStage.Should().Be("demo");
    }

    [Fact]
    public void RunResult_DealsWithoutUsableHistory_AreCountedAsSynthesized()
    {
        // S1-S9 have no history row before T; S10 does.
        run.Result.SynthesizedDeals.Should().Be(9);
    }
}
