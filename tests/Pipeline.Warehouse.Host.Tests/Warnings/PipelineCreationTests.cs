namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Pipeline creation warnings (METRICS.md section 6), as of 2026-11-30: M = November 2026, baseline
/// May-October. Each case is its own region; its deals enter opportunity (order 4) as their first
/// entry, spread over the baseline months and on November 10, and stay open. Baseline mean =
/// 6-month total / 6; below 0.7x the mean is a warning, below 0.5x critical; evaluated when the
/// mean >= 10.
/// </summary>
public sealed class PipelineCreationRun() : WarningRun(Build())
{
    private static readonly (string Region, int Current, int BaselineTotal)[] Cases =
    [
        ("MEAN10", 6, 60),
        ("MEAN983", 0, 59),
        ("AT07", 7, 60),
        ("AT07B", 14, 120),
        ("AT05", 5, 60),
        ("BELOW05", 9, 120),
    ];

    private static DealBuilder Build()
    {
        var deals = new DealBuilder();
        foreach (var (region, current, baselineTotal) in Cases)
        {
            var segment = new Segment(region);
            deals.Opportunities(segment, DealBuilder.InCurrent, current);
            deals.OverBaseline(baselineTotal, (at, _) => deals.Opportunities(segment, at, 1));
        }

        // FIRST: which deals count. Baseline: 55 spread over May-October, and 5 first entering
        // opportunity on October 10 that regress to discovery_call on October 20 and enter
        // opportunity again on November 5 (counted once, in October): 60. Two entering opportunity
        // in April are before the baseline. In M: 3 deals in lead since October 25 reach
        // opportunity on November 5, one in lead since November 1 is won on November 5 (closed_won,
        // order 9), one enters demo directly: 5. Three deals in lead and one in discovery_call
        // (orders 1 and 3), all created in November, do not count.
        var first = new Segment("FIRST");
        var nov5 = new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc);
        var oct10 = new DateTime(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc);
        deals.OverBaseline(55, (at, _) => deals.Opportunities(first, at, 1));
        for (var i = 0; i < 5; i++)
            deals.Deal(first, ("opportunity", oct10), ("discovery_call", oct10.AddDays(10)), ("opportunity", nov5));
        deals.Opportunities(first, new DateTime(2026, 4, 10, 0, 0, 0, DateTimeKind.Utc), 2);
        for (var i = 0; i < 3; i++)
            deals.Deal(first, ("lead", new DateTime(2026, 10, 25, 0, 0, 0, DateTimeKind.Utc)), ("opportunity", nov5));
        deals.Deal(first, ("lead", DealBuilder.Current), ("closed_won", nov5));
        deals.Deal(first, ("demo", nov5));
        for (var i = 0; i < 3; i++)
            deals.Deal(first, ("lead", nov5));
        deals.Deal(first, ("discovery_call", nov5));
        return deals;
    }
}

public sealed class PipelineCreationTests(PipelineCreationRun run) : IClassFixture<PipelineCreationRun>
{
    [Fact]
    public void PipelineCreation_MeanExactlyTen_IsEvaluated()
    {
        // MEAN10: 60 over the baseline, mean 10; 6 in M is below 0.7 x 10 = 7 (not below 5): warning.
        // The row: current_n = current_value = 6, baseline_n = 60, baseline_value = 10; no stage, no z.
        run.RequiredWarning("region", "MEAN10", "pipeline_creation").Should().BeEquivalentTo(new
        {
            Stage = (string?)null, Month = "2026-11-01", CurrentN = 6L, CurrentValue = 6.0,
            BaselineN = 60L, BaselineValue = 10.0, ZScore = (double?)null, Severity = "warning",
        });
    }

    [Fact]
    public void PipelineCreation_MeanBelowTen_IsNotEvaluated()
    {
        // MEAN983: 59 over the baseline, mean 9.83 < 10: nothing in M, yet no row.
        run.Warning("region", "MEAN983", "pipeline_creation").Should().BeNull();
    }

    [Theory]
    [InlineData("AT07")]
    [InlineData("AT07B")]
    public void PipelineCreation_ExactlySevenTenthsOfMean_IsNotFlagged(string region)
    {
        // AT07: 7 against a mean of 10; AT07B: 14 against 120 / 6 = 20. Exactly 0.7x is not below it.
        run.Warning("region", region, "pipeline_creation").Should().BeNull();
    }

    [Fact]
    public void PipelineCreation_ExactlyHalfOfMean_IsWarning()
    {
        // AT05: 5 against a mean of 10 is below 7 but not below 5.
        run.RequiredWarning("region", "AT05", "pipeline_creation").Severity.Should().Be("warning");
    }

    [Fact]
    public void PipelineCreation_BelowHalfOfMean_IsCritical()
    {
        // BELOW05: 9 against a mean of 120 / 6 = 20 is below 10.
        run.RequiredWarning("region", "BELOW05", "pipeline_creation").Should().BeEquivalentTo(new
        {
            CurrentN = 9L, CurrentValue = 9.0, BaselineN = 120L, BaselineValue = 20.0, Severity = "critical",
        });
    }

    [Fact]
    public void PipelineCreation_FirstEntryOfOrderFourOrMore_DecidesTheMonth()
    {
        // FIRST (see the run): 5 in M against 60 in the baseline (mean 10), exactly 0.5x: a warning.
        // Counting re-entries would give 10 in M (no row); counting deals by creation date, 6 in M and 63.
        run.RequiredWarning("region", "FIRST", "pipeline_creation").Should().BeEquivalentTo(new
        {
            CurrentN = 5L, BaselineN = 60L, BaselineValue = 10.0, Severity = "warning",
        });
    }
}
