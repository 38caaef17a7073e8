namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>Sorting, ties, exact duplicates and collapsing (METRICS.md section 3); T = 2026-12-01 00:00 UTC.</summary>
public sealed class TimelineOrderRun() : TimelineRun(
    DealLine("O1", "2026-03-01T10:00:00Z", "Negotiation")
        + DealLine("O2", "2026-03-20T12:00:00Z", "Closed lost")
        + DealLine("O3", "2026-02-01T00:00:00Z", "Closed won")
        + DealLine("O4", "2026-01-01T00:00:00Z", "Negotiation")
        + DealLine("O5", "2026-06-01T00:00:00Z", "Closed lost"),
    // O1: demo and lead at the same instant, demo first in the file.
    HistoryLine("O1", "Demo", "2026-03-01T10:00:00Z")
        + HistoryLine("O1", "Lead", "2026-03-01T10:00:00Z")
        + HistoryLine("O1", "Negotiation", "2026-03-03T10:00:00Z")
        // O2: won and lost at the same instant, the file in reverse time order.
        + HistoryLine("O2", "Closed lost", "2026-04-10T12:00:00Z")
        + HistoryLine("O2", "Closed won", "2026-04-10T12:00:00Z")
        + HistoryLine("O2", "Negotiation", "2026-04-01T12:00:00Z")
        + HistoryLine("O2", "Lead", "2026-03-20T12:00:00Z")
        // O3: "Demo complete" and "Second demo" both map to demo, at the same instant;
        // the lead row is repeated identically (a file-level exact duplicate).
        + HistoryLine("O3", "Lead", "2026-02-01T00:00:00Z")
        + HistoryLine("O3", "Lead", "2026-02-01T00:00:00Z")
        + HistoryLine("O3", "Demo complete", "2026-02-05T00:00:00Z")
        + HistoryLine("O3", "Second demo", "2026-02-05T00:00:00Z")
        + HistoryLine("O3", "Closed won", "2026-02-15T00:00:00Z")
        // O4: three demo rows in a row, then two negotiation rows.
        + HistoryLine("O4", "Lead", "2026-01-01T00:00:00Z")
        + HistoryLine("O4", "Demo", "2026-01-03T00:00:00Z")
        + HistoryLine("O4", "Second demo", "2026-01-05T12:00:00Z")
        + HistoryLine("O4", "Demo complete", "2026-01-08T00:00:00Z")
        + HistoryLine("O4", "Negotiation", "2026-01-10T00:00:00Z")
        + HistoryLine("O4", "Negotiation", "2026-01-12T00:00:00Z")
        // O5: closed_lost and negotiation at the same instant.
        + HistoryLine("O5", "Lead", "2026-06-01T00:00:00Z")
        + HistoryLine("O5", "Closed lost", "2026-06-05T09:00:00Z")
        + HistoryLine("O5", "Negotiation", "2026-06-05T09:00:00Z"));

public sealed class TimelineOrderTests(TimelineOrderRun run) : IClassFixture<TimelineOrderRun>
{
    [Fact]
    public void Timeline_TwoEntriesAtSameInstant_AreOrderedByCanonicalOrder()
    {
        var entries = run.Entries("O1");

        // lead (order 1) sorts before demo (order 5) at 03-01 10:00 although the file lists demo
        // first; lead then lasts 0 days and is exited at that same instant, into demo.
        entries.Select(e => (e.Seq, e.Stage)).Should().Equal((1, "lead"), (2, "demo"), (3, "negotiation"));
        entries[0].ExitedAt.Should().Be(TimelineRun.Utc(2026, 3, 1, 10));
        entries[0].NextStage.Should().Be("demo");
        entries[0].DaysInStage.Should().Be(0);
        // demo: 03-01 10:00 -> 03-03 10:00 = 2 days.
        entries[1].DaysInStage.Should().BeApproximately(2, TimelineRun.Precision);
    }

    [Fact]
    public void Timeline_WonAndLostAtSameInstant_DealIsLost()
    {
        var entries = run.Entries("O2");
        var deal = run.RequiredDeal("O2");

        // Sorted by time: lead 03-20, negotiation 04-01, then at 04-10 12:00 closed_won before
        // closed_lost. closed_won lasts 0 days; closed_lost, the last entry of a closed deal, has none.
        entries.Select(e => e.Stage).Should().Equal("lead", "negotiation", "closed_won", "closed_lost");
        entries[2].DaysInStage.Should().Be(0);
        entries[2].NextStage.Should().Be("closed_lost");
        entries[3].DaysInStage.Should().BeNull();
        entries[3].StageOrder.Should().BeNull();
        // The last entry is closed_lost: lost at 04-10 12:00; cycle 03-20 12:00 -> 04-10 12:00 =
        // 11 + 10 = 21 days. closed_won was reached, so max_stage_order is 9.
        deal.Status.Should().Be("lost");
        deal.ClosedAt.Should().Be(TimelineRun.Utc(2026, 4, 10, 12));
        deal.CurrentStage.Should().Be("closed_lost");
        deal.CycleDays.Should().BeApproximately(21, TimelineRun.Precision);
        deal.MaxStageOrder.Should().Be(9);
    }

    [Fact]
    public void Timeline_ClosedLostAndOpenStageAtSameInstant_ClosedLostSortsLast()
    {
        var entries = run.Entries("O5");

        // closed_lost has no order and sorts after every stage at its instant: negotiation
        // (0 days) then closed_lost; the deal is lost at 06-05 09:00.
        entries.Select(e => e.Stage).Should().Equal("lead", "negotiation", "closed_lost");
        entries[1].DaysInStage.Should().Be(0);
        run.RequiredDeal("O5").Status.Should().Be("lost");
        run.RequiredDeal("O5").ClosedAt.Should().Be(TimelineRun.Utc(2026, 6, 5, 9));
    }

    [Fact]
    public void Timeline_ExactDuplicateAfterMapping_IsDropped()
    {
        var entries = run.Entries("O3");

        // "Demo complete" and "Second demo" at 02-05 00:00 are both demo at the same instant: one
        // entry. The repeated lead row is one entry too. lead 02-01 -> demo 02-05 = 4 days,
        // demo 02-05 -> closed_won 02-15 = 10 days.
        entries.Select(e => e.Stage).Should().Equal("lead", "demo", "closed_won");
        entries[0].DaysInStage.Should().BeApproximately(4, TimelineRun.Precision);
        entries[1].DaysInStage.Should().BeApproximately(10, TimelineRun.Precision);
        entries[1].NextStage.Should().Be("closed_won");
    }

    [Fact]
    public void LoadFile_DifferentLabelsOfSameStage_BothLoadAndIdenticalRowIsDuplicate()
    {
        // 21 history rows (3 + 4 + 5 + 6 + 3): only O3's second identical lead row is an exact duplicate; the two
        // demo rows differ as text, so both load (and collapse in the timeline).
        run.Warehouse.Rows("select rows, loaded, rejected, duplicates from meta.load_file where file = 'stage_history.csv'")
            .Should().ContainSingle().Which.Should().Equal(21L, 20L, 0L, 1L);
    }

    [Fact]
    public void Timeline_ConsecutiveSameStage_CollapsesIntoFirst()
    {
        var entries = run.Entries("O4");

        // demo rows 01-03, 01-05 12:00 and 01-08 become one demo entry entered 01-03, exited
        // when negotiation begins on 01-10: 7 days. The two negotiation rows become one entry
        // entered 01-10; the deal is open, so its age is T - 01-10 = 2026-12-01 - 2026-01-10 =
        // 21 (rest of January) + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 = 325 days.
        entries.Select(e => e.Stage).Should().Equal("lead", "demo", "negotiation");
        entries[1].EnteredAt.Should().Be(TimelineRun.Utc(2026, 1, 3));
        entries[1].ExitedAt.Should().Be(TimelineRun.Utc(2026, 1, 10));
        entries[1].DaysInStage.Should().BeApproximately(7, TimelineRun.Precision);
        entries[2].EnteredAt.Should().Be(TimelineRun.Utc(2026, 1, 10));
        entries[2].DaysInStage.Should().BeApproximately(325, TimelineRun.Precision);
        run.RequiredDeal("O4").CurrentStageEnteredAt.Should().Be(TimelineRun.Utc(2026, 1, 10));
    }

    [Fact]
    public void Timeline_AnyDeal_SeqRunsFromOneWithoutGaps()
    {
        // 3 + 4 + 3 + 3 + 3 entries, each deal numbered 1..n.
        var rows = run.Warehouse.Rows("select deal_id, count(*), min(seq), max(seq) from core.fact_stage_transition group by deal_id order by deal_id");

        rows.Select(r => ((string)r[0]!, Convert.ToInt64(r[1]), Convert.ToInt64(r[2]), Convert.ToInt64(r[3])))
            .Should().Equal(("O1", 3L, 1L, 3L), ("O2", 4L, 1L, 4L), ("O3", 3L, 1L, 3L), ("O4", 3L, 1L, 3L), ("O5", 3L, 1L, 3L));
    }
}
