namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>Durations, ages, start, cycle and the fact_deal snapshot columns; T = 2026-12-01 00:00 UTC.</summary>
public sealed class DealSnapshotRun() : TimelineRun(
    DealLine("D1", "2026-02-10T00:00:00Z", "Closed won", expectedClose: "2026-02-28")
        + DealLine("D2", "2026-03-01T00:00:00Z", "Closed lost")
        + DealLine("D3", "2026-04-01T00:00:00Z", "Closed lost")
        + DealLine("D4", "2026-11-20T00:00:00Z", "Opportunity"),
    // D1: its first history row is before created_at.
    HistoryLine("D1", "Lead", "2026-02-01T00:00:00Z")
        + HistoryLine("D1", "Demo", "2026-02-03T06:00:00Z")
        + HistoryLine("D1", "Closed won", "2026-02-21T00:00:00Z")
        // D2: created before its first history row, which skips lead.
        + HistoryLine("D2", "Discovery call", "2026-03-04T00:00:00Z")
        + HistoryLine("D2", "Demo", "2026-03-06T00:00:00Z")
        + HistoryLine("D2", "Closed lost", "2026-03-16T12:00:00Z")
        // D3: only closed_lost.
        + HistoryLine("D3", "Closed lost", "2026-04-03T00:00:00Z")
        // D4: open, in opportunity since 11-25 18:00.
        + HistoryLine("D4", "Lead", "2026-11-20T00:00:00Z")
        + HistoryLine("D4", "Opportunity", "2026-11-25T18:00:00Z"));

public sealed class DealSnapshotTests(DealSnapshotRun run) : IClassFixture<DealSnapshotRun>
{
    [Fact]
    public void Transitions_ClosedDeal_HaveFractionalDurationsAndNoneForTheClose()
    {
        var entries = run.Entries("D1");

        // lead 02-01 00:00 -> demo 02-03 06:00 = 2 days 6 hours = 2.25 days;
        // demo 02-03 06:00 -> closed_won 02-21 00:00 = 17 days 18 hours = 17.75 days;
        // closed_won is the last entry of a closed deal: no exit, next stage or duration.
        entries.Should().Equal(
            new Entry(1, "lead", 1, TimelineRun.Utc(2026, 2, 1), TimelineRun.Utc(2026, 2, 3, 6), "demo", 2.25, false, false),
            new Entry(2, "demo", 5, TimelineRun.Utc(2026, 2, 3, 6), TimelineRun.Utc(2026, 2, 21), "closed_won", 17.75, false, false),
            new Entry(3, "closed_won", 9, TimelineRun.Utc(2026, 2, 21), null, null, null, false, false));
    }

    [Fact]
    public void FactDeal_HistoryBeforeCreatedAt_StartsAtFirstEntry()
    {
        var deal = run.RequiredDeal("D1");

        // start = min(created_at 02-10, first entry 02-01) = 02-01; cycle = 02-21 - 02-01 = 20 days
        // (not the 11 days from created_at).
        deal.CreatedAt.Should().Be(TimelineRun.Utc(2026, 2, 10));
        deal.StartAt.Should().Be(TimelineRun.Utc(2026, 2, 1));
        deal.Status.Should().Be("won");
        deal.ClosedAt.Should().Be(TimelineRun.Utc(2026, 2, 21));
        deal.CycleDays.Should().BeApproximately(20, TimelineRun.Precision);
        deal.CurrentStage.Should().Be("closed_won");
        deal.CurrentStageEnteredAt.Should().Be(TimelineRun.Utc(2026, 2, 21));
        deal.MaxStageOrder.Should().Be(9);
        deal.ExpectedCloseDate.Should().Be(new DateOnly(2026, 2, 28));
        deal.IsStalled.Should().BeFalse();
    }

    [Fact]
    public void FactDeal_CreatedBeforeHistory_StartsAtCreatedAt()
    {
        var deal = run.RequiredDeal("D2");

        // start = min(created_at 03-01, first entry 03-04) = 03-01; lost at 03-16 12:00, so
        // cycle = 15.5 days. Highest order reached: demo 5 (closed_lost never counts).
        deal.StartAt.Should().Be(TimelineRun.Utc(2026, 3, 1));
        deal.Status.Should().Be("lost");
        deal.ClosedAt.Should().Be(TimelineRun.Utc(2026, 3, 16, 12));
        deal.CycleDays.Should().BeApproximately(15.5, TimelineRun.Precision);
        deal.MaxStageOrder.Should().Be(5);
        run.Entries("D2").Select(e => e.StageOrder).Should().Equal(3, 5, null);
    }

    [Fact]
    public void FactDeal_OnlyClosedLost_HasNoMaxStageOrder()
    {
        var deal = run.RequiredDeal("D3");
        var entries = run.Entries("D3");

        // D3's one entry is closed_lost, which has no order: max_stage_order NULL. Lost at 04-03,
        // started at created_at 04-01: cycle 2 days. The first (and terminal) entry is no regression.
        deal.MaxStageOrder.Should().BeNull();
        deal.Status.Should().Be("lost");
        deal.CycleDays.Should().BeApproximately(2, TimelineRun.Precision);
        entries.Should().Equal(new Entry(1, "closed_lost", null, TimelineRun.Utc(2026, 4, 3), null, null, null, false, false));
    }

    [Fact]
    public void Transitions_OpenDeal_LastEntryHasAgeUntilT()
    {
        var entries = run.Entries("D4");

        // lead 11-20 00:00 -> opportunity 11-25 18:00 = 5.75 days; opportunity is the open last
        // entry: age T - 11-25 18:00 = 5 days 6 hours = 5.25 days, no exit, no next stage.
        entries.Should().Equal(
            new Entry(1, "lead", 1, TimelineRun.Utc(2026, 11, 20), TimelineRun.Utc(2026, 11, 25, 18), "opportunity", 5.75, false, false),
            new Entry(2, "opportunity", 4, TimelineRun.Utc(2026, 11, 25, 18), null, null, 5.25, false, false));
    }

    [Fact]
    public void FactDeal_OpenDeal_HasNoCloseOrCycle()
    {
        var deal = run.RequiredDeal("D4");

        // Open in opportunity (order 4) since 11-25 18:00; no stage baseline, so not stalled.
        deal.Status.Should().Be("open");
        deal.ClosedAt.Should().BeNull();
        deal.CycleDays.Should().BeNull();
        deal.CurrentStage.Should().Be("opportunity");
        deal.CurrentStageEnteredAt.Should().Be(TimelineRun.Utc(2026, 11, 25, 18));
        deal.MaxStageOrder.Should().Be(4);
        deal.StartAt.Should().Be(TimelineRun.Utc(2026, 11, 20));
        deal.IsStalled.Should().BeFalse();
    }

    [Fact]
    public void FactDeal_EveryDealCreatedBeforeT_HasOneRow()
    {
        // Four deals, one row each; 3 + 3 + 1 + 2 = 9 timeline entries.
        run.Warehouse.Scalar<long>("select count(*) from core.fact_deal").Should().Be(4);
        run.Warehouse.Scalar<long>("select count(distinct deal_id) from core.fact_deal").Should().Be(4);
        run.Warehouse.Scalar<long>("select count(*) from core.fact_stage_transition").Should().Be(9);
    }
}
