namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Which months are M and the baseline (METRICS.md sections 1 and 6). The same deals are run as of
/// 2026-11-30 (T = 2026-12-01: M = November, baseline May-October) and as of 2026-11-29
/// (T = 2026-11-30: November is incomplete, M = October, baseline April-September).
/// Region NEW: deals whose first entry is opportunity, open, counted per month (pipeline creation):
/// March 50, April 12 (one at 04-30 23:59:59), May 13 (one at 05-01 00:00), June 14, July 15,
/// August 16, September 17, October 5 (one at 10-31 23:59:59), November 1-29: 3 (one at 11-01 00:00)
/// and one more on November 30 at 12:00.
/// Region FLOW: demo exits (stage conversion): April 60, all advanced; October 20, none advanced;
/// November 20, all advanced.
/// </summary>
public static class MonthWindowDeals
{
    public static DealBuilder Build()
    {
        var deals = new DealBuilder();
        var created = new Segment("NEW");
        var counts = new[] { (3, 50), (4, 12), (5, 13), (6, 14), (7, 15), (8, 16), (9, 17), (10, 5), (11, 3) };
        foreach (var (month, count) in counts)
            deals.Opportunities(created, Utc(month, 15), count - 1);
        deals.Opportunities(created, Utc(3, 15), 1);
        deals.Opportunities(created, Utc(4, 30, 23, 59, 59), 1);
        deals.Opportunities(created, Utc(5, 1), 1);
        foreach (var month in new[] { 6, 7, 8, 9 })
            deals.Opportunities(created, Utc(month, 15), 1);
        deals.Opportunities(created, Utc(10, 31, 23, 59, 59), 1);
        deals.Opportunities(created, Utc(11, 1), 1);
        deals.Opportunities(created, Utc(11, 30, 12), 1);

        var flow = new Segment("FLOW");
        deals.DemoExits(flow, Utc(4, 10), 60, 60);
        deals.DemoExits(flow, Utc(10, 10), 20, 0);
        deals.DemoExits(flow, Utc(11, 10), 20, 20);
        return deals;
    }

    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, DateTimeKind.Utc);
}

public sealed class NovemberRun() : WarningRun(MonthWindowDeals.Build(), asOf: "2026-11-30");

public sealed class OctoberRun() : WarningRun(MonthWindowDeals.Build(), asOf: "2026-11-29");

public sealed class NovemberWindowTests(NovemberRun run) : IClassFixture<NovemberRun>
{
    [Fact]
    public void SegmentWarnings_AsOfLastDayOfMonth_CompareThatMonthWithMayToOctober()
    {
        // M = November: 3 (from 11-01 00:00) + 1 (11-30 12:00, before T) = 4. Baseline May-October
        // (from 05-01 00:00 to 10-31 23:59:59): 13 + 14 + 15 + 16 + 17 + 5 = 80, mean 13.33;
        // 4 < 0.5 x 13.33: critical. March and April are outside it.
        run.RequiredWarning("region", "NEW", "pipeline_creation").Should().BeEquivalentTo(new
        {
            AsOf = "2026-11-30", Month = "2026-11-01", CurrentN = 4L, BaselineN = 80L, BaselineValue = 80.0 / 6, Severity = "critical",
        });
    }

    [Fact]
    public void SegmentWarnings_AprilExits_AreOutsideTheBaseline()
    {
        // FLOW: M = November has 20 of 20 advanced; the baseline holds only October's 20 exits
        // (n0 = 20 < 60, not evaluated): April's 60 are 7 months back.
        run.Warnings("region", "FLOW").Should().NotContain(w => w.Metric == "stage_conversion");
    }

    [Fact]
    public void SegmentWarnings_EveryRow_HasMonthNovember()
    {
        run.Warnings().Should().NotBeEmpty().And.OnlyContain(w => w.Month == "2026-11-01");
    }
}

public sealed class OctoberWindowTests(OctoberRun run) : IClassFixture<OctoberRun>
{
    [Fact]
    public void SegmentWarnings_AsOfDayBeforeLastDay_CompareOctoberWithAprilToSeptember()
    {
        // T = 11-30 00:00, so November is not complete: M = October = 4 + 1 (10-31 23:59:59) = 5.
        // Baseline April-September: 12 + 13 + 14 + 15 + 16 + 17 = 87, mean 14.5; 5 < 7.25: critical.
        run.RequiredWarning("region", "NEW", "pipeline_creation").Should().BeEquivalentTo(new
        {
            AsOf = "2026-11-29", Month = "2026-10-01", CurrentN = 5L, BaselineN = 87L, BaselineValue = 14.5, Severity = "critical",
        });
    }

    [Fact]
    public void SegmentWarnings_AsOfDayBeforeLastDay_PoolsAprilAsBaseline()
    {
        // FLOW: 0 of October's 20 exits advanced against 60 of 60 in April (baseline April-September);
        // November's exits are after M. p = 3/4, z = -1 / sqrt(3/16 * (1/20 + 1/60)) = -sqrt(80).
        var row = run.RequiredWarning("region", "FLOW", "stage_conversion", "demo");

        row.Should().BeEquivalentTo(new { Month = "2026-10-01", CurrentN = 20L, BaselineN = 60L, BaselineValue = 1.0, Severity = "critical" });
        row.ZScore.Should().BeApproximately(-Math.Sqrt(80), WarningRun.Precision);
    }

    [Fact]
    public void SegmentWarnings_EveryRow_HasMonthOctober()
    {
        run.Warnings().Should().NotBeEmpty().And.OnlyContain(w => w.Month == "2026-10-01");
    }
}
