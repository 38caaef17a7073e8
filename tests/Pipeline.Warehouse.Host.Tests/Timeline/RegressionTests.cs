namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>Regressions and reopened deals (METRICS.md section 3); T = 2026-12-01 00:00 UTC.</summary>
public sealed class RegressionRun() : TimelineRun(
    DealLine("G1", "2026-01-01T00:00:00Z", "Negotiation")
        + DealLine("G2", "2026-02-01T00:00:00Z", "Opportunity")
        + DealLine("G3", "2026-03-01T00:00:00Z", "Closed won")
        + DealLine("G4", "2026-04-01T00:00:00Z", "Demo")
        + DealLine("G5", "2026-06-01T00:00:00Z", "Negotiation"),
    // G1: one step back, demo -> opportunity.
    HistoryLine("G1", "Lead", "2026-01-01T00:00:00Z")
        + HistoryLine("G1", "Connect call", "2026-01-02T00:00:00Z")
        + HistoryLine("G1", "Demo", "2026-01-03T00:00:00Z")
        + HistoryLine("G1", "Opportunity", "2026-01-04T00:00:00Z")
        + HistoryLine("G1", "Negotiation", "2026-01-05T00:00:00Z")
        // G2: compared with the nearest earlier entry, not the highest one.
        + HistoryLine("G2", "Lead", "2026-02-01T00:00:00Z")
        + HistoryLine("G2", "Negotiation", "2026-02-02T00:00:00Z")
        + HistoryLine("G2", "Demo", "2026-02-03T00:00:00Z")
        + HistoryLine("G2", "Discovery call", "2026-02-04T00:00:00Z")
        + HistoryLine("G2", "Opportunity", "2026-02-05T00:00:00Z")
        // G3: lost, reopened in negotiation, then won.
        + HistoryLine("G3", "Negotiation", "2026-03-01T00:00:00Z")
        + HistoryLine("G3", "Closed lost", "2026-03-05T00:00:00Z")
        + HistoryLine("G3", "Negotiation", "2026-03-10T00:00:00Z")
        + HistoryLine("G3", "Closed won", "2026-03-20T00:00:00Z")
        // G4: lost, reopened in demo, still open.
        + HistoryLine("G4", "Negotiation", "2026-04-01T00:00:00Z")
        + HistoryLine("G4", "Closed lost", "2026-04-05T00:00:00Z")
        + HistoryLine("G4", "Demo", "2026-04-10T00:00:00Z")
        // G5: won, reopened in negotiation, still open.
        + HistoryLine("G5", "Negotiation", "2026-06-01T00:00:00Z")
        + HistoryLine("G5", "Closed won", "2026-06-03T00:00:00Z")
        + HistoryLine("G5", "Negotiation", "2026-06-04T00:00:00Z"));

public sealed class RegressionTests(RegressionRun run) : IClassFixture<RegressionRun>
{
    [Fact]
    public void IsRegression_LowerOrderThanPreviousEntry_IsTrue()
    {
        // G1: lead 1, connect_call 2, demo 5, opportunity 4 (< 5: regression), negotiation 8.
        run.Entries("G1").Select(e => (e.Stage, e.IsRegression)).Should().Equal(
            ("lead", false), ("connect_call", false), ("demo", false), ("opportunity", true), ("negotiation", false));
    }

    [Fact]
    public void IsRegression_ComparedWithNearestEarlierEntry_NotTheHighest()
    {
        // G2: lead 1 (first), negotiation 8, demo 5 (< 8: regression), discovery_call 3
        // (< 5: regression), opportunity 4 (> 3, the nearest earlier order: not a regression,
        // though lower than negotiation's 8).
        run.Entries("G2").Select(e => (e.Stage, e.IsRegression)).Should().Equal(
            ("lead", false), ("negotiation", false), ("demo", true), ("discovery_call", true), ("opportunity", false));
    }

    [Fact]
    public void IsRegression_ReopenedIntoSameStageAfterLoss_IsFalseEverywhere()
    {
        // G3: negotiation 8, closed_lost (terminal: never), negotiation 8 (the nearest earlier
        // non-terminal is negotiation 8, not lower), closed_won (terminal: never).
        run.Entries("G3").Select(e => (e.Stage, e.IsRegression)).Should().Equal(
            ("negotiation", false), ("closed_lost", false), ("negotiation", false), ("closed_won", false));
    }

    [Fact]
    public void FactDeal_ReopenedThenWon_IsWonAtLastClose()
    {
        var entries = run.Entries("G3");
        var deal = run.RequiredDeal("G3");

        // The closed_lost entry is not last: it has a duration, 03-05 -> 03-10 = 5 days.
        entries[1].DaysInStage.Should().BeApproximately(5, TimelineRun.Precision);
        entries[1].NextStage.Should().Be("negotiation");
        // Won by the last entry, closed_at 03-20; cycle 03-01 -> 03-20 = 19 days.
        deal.Status.Should().Be("won");
        deal.ClosedAt.Should().Be(TimelineRun.Utc(2026, 3, 20));
        deal.CycleDays.Should().BeApproximately(19, TimelineRun.Precision);
    }

    [Fact]
    public void IsRegression_LowerStageAfterLoss_ComparesWithLastOpenStage()
    {
        // G4: negotiation 8, closed_lost (skipped as terminal), demo 5 < 8: a regression.
        run.Entries("G4").Select(e => (e.Stage, e.IsRegression)).Should().Equal(
            ("negotiation", false), ("closed_lost", false), ("demo", true));
    }

    [Fact]
    public void FactDeal_ReopenedAfterLossAndStillOpen_IsOpenWithoutClosedAt()
    {
        var deal = run.RequiredDeal("G4");

        // G4's last entry is demo (04-10): open, closed_at and cycle_days NULL, and the demo age
        // is T - 04-10 = 335 - 100 (days of the year of 12-01 and 04-10) = 235 days.
        deal.Status.Should().Be("open");
        deal.ClosedAt.Should().BeNull();
        deal.CycleDays.Should().BeNull();
        deal.CurrentStage.Should().Be("demo");
        deal.CurrentStageEnteredAt.Should().Be(TimelineRun.Utc(2026, 4, 10));
        run.Entries("G4")[2].DaysInStage.Should().BeApproximately(235, TimelineRun.Precision);
        // negotiation 8 was reached; closed_lost never counts.
        deal.MaxStageOrder.Should().Be(8);
    }

    [Fact]
    public void IsRegression_SameStageAfterWin_IgnoresClosedWonOrder()
    {
        // G5: negotiation 8, closed_won 9 (terminal: not a comparison point), negotiation 8:
        // equal to the nearest earlier non-terminal order, so no regression.
        run.Entries("G5").Select(e => (e.Stage, e.IsRegression)).Should().Equal(
            ("negotiation", false), ("closed_won", false), ("negotiation", false));
    }

    [Fact]
    public void FactDeal_ReopenedAfterWin_IsOpenButReachedNine()
    {
        var deal = run.RequiredDeal("G5");

        // G5's last entry is negotiation (06-04): open, no closed_at; closed_won was reached: 9.
        deal.Status.Should().Be("open");
        deal.ClosedAt.Should().BeNull();
        deal.CycleDays.Should().BeNull();
        deal.CurrentStage.Should().Be("negotiation");
        deal.MaxStageOrder.Should().Be(9);
    }
}
