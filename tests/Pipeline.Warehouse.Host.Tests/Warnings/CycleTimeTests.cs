namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Cycle time warnings (METRICS.md section 6), as of 2026-11-30: M = November 2026, baseline
/// May-October. Each case is its own region; every deal is in lead from its start until it is won
/// (on November 10 in M, spread over the baseline months otherwise), so cycle_days is exactly the
/// chosen number of days. Evaluated when n1 >= 10, n0 >= 30 and the baseline median > 0;
/// ratio >= 1.25 warning, >= 1.5 critical. Medians interpolate.
/// </summary>
public sealed class CycleTimeRun() : WarningRun(Build())
{
    /// <summary>One second in days.</summary>
    public const double Second = 1.0 / 86400;

    private static DealBuilder Build()
    {
        var deals = new DealBuilder();

        // R125: baseline 15 x 10 days, 14 x 30, 1 x 90: median (10 + 30) / 2 = 20 (mean 22);
        // M: 5 x 20, 5 x 30: median 25. Ratio 25 / 20 = 1.25 exactly; n1 = 10, n0 = 30, the gates.
        var r125 = new Segment("R125");
        deals.Won(r125, DealBuilder.InCurrent, 20, 5).Won(r125, DealBuilder.InCurrent, 30, 5);
        deals.OverBaseline(30, (at, i) => deals.Won(r125, at, i < 15 ? 10 : i < 29 ? 30 : 90));

        Case(deals, "R150", 10, 30, 30, 20);
        Case(deals, "UNDER", 10, 25 - Second, 30, 20);
        Case(deals, "N9", 9, 40, 30, 20);
        Case(deals, "N29", 10, 40, 29, 20);
        Case(deals, "ZERO", 10, 40, 30, 0);
        return deals;
    }

    private static void Case(DealBuilder deals, string region, int n1, double days1, int n0, double days0)
    {
        var segment = new Segment(region);
        deals.Won(segment, DealBuilder.InCurrent, days1, n1);
        deals.OverBaseline(n0, (at, _) => deals.Won(segment, at, days0));
    }
}

public sealed class CycleTimeTests(CycleTimeRun run) : IClassFixture<CycleTimeRun>
{
    [Fact]
    public void CycleTime_RatioExactlyOneAndAQuarter_IsWarning()
    {
        // R125 (see the run): medians 25 and 20 (interpolated), ratio 1.25, at both sample gates.
        // The means, 25 and 22, would give 1.14 and no row.
        run.RequiredWarning("region", "R125", "cycle_time").Should().BeEquivalentTo(new
        {
            Stage = (string?)null, Month = "2026-11-01", CurrentN = 10L, CurrentValue = 25.0,
            BaselineN = 30L, BaselineValue = 20.0, ZScore = (double?)null, Severity = "warning",
        });
    }

    [Fact]
    public void CycleTime_RatioExactlyOneAndAHalf_IsCritical()
    {
        // R150: 10 won in 30 days against 30 won in 20: 30 / 20 = 1.5.
        run.RequiredWarning("region", "R150", "cycle_time").Should().BeEquivalentTo(new
        {
            CurrentN = 10L, CurrentValue = 30.0, BaselineN = 30L, BaselineValue = 20.0, Severity = "critical",
        });
    }

    [Fact]
    public void CycleTime_RatioJustUnderOneAndAQuarter_IsNotFlagged()
    {
        // UNDER: 25 days less one second against 20: ratio 1.25 - 1 / (20 x 86400) = 1.2499994.
        run.Warning("region", "UNDER", "cycle_time").Should().BeNull();
    }

    [Theory]
    [InlineData("N9")]
    [InlineData("N29")]
    public void CycleTime_SampleOneBelowGate_IsNotEvaluated(string region)
    {
        // Ratio 40 / 20 = 2 with 9 won in M (N9) or 29 in the baseline (N29).
        run.Warning("region", region, "cycle_time").Should().BeNull();
    }

    [Fact]
    public void CycleTime_BaselineMedianZero_IsNotEvaluated()
    {
        // ZERO: 30 deals won at the instant they started (cycle 0), then 10 in 40 days: no ratio, no row.
        run.Warning("region", "ZERO", "cycle_time").Should().BeNull();
    }
}
