namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Stage conversion warnings (METRICS.md section 6) at stage demo, as of 2026-11-30: M = November
/// 2026, baseline May-October pooled. Each case is its own region (product X, smb, inbound, rep R1
/// for all): n1 demo exits on November 10, x1 of them advanced; n0 exits spread over the baseline
/// months, x0 advanced. Every deal enters demo a day before its exit, so stages 1-4 are exited,
/// all advanced (pooled proportion 1, z = 0), and the exits that do not advance are lost closes.
/// z = (x1/n1 - x0/n0) / sqrt(p(1-p)(1/n1+1/n0)) with p = (x1+x0)/(n1+n0); squared, with
/// N = n1+n0, x = x1+x0 and d = x1 n0 - x0 n1, it is z^2 = d^2 N / (n1 n0 x (N-x)), which is how
/// the exact cases below were checked by hand.
/// </summary>
public sealed class StageConversionRun() : WarningRun(Build())
{
    public static readonly (string Region, int N1, int X1, int N0, int X0)[] Cases =
    [
        ("Z2", 24, 12, 72, 52),
        ("Z2R", 20, 4, 100, 44),
        ("ABOVE2", 25, 1, 75, 16),
        ("Z3", 24, 10, 72, 54),
        ("Z3R", 20, 4, 80, 46),
        ("ABOVE3", 24, 8, 72, 49),
        ("G20_60", 20, 0, 60, 60),
        ("G19_60", 19, 0, 60, 60),
        ("G20_59", 20, 0, 59, 59),
        ("P0", 20, 0, 60, 0),
        ("P1", 20, 20, 60, 60),
    ];

    private static DealBuilder Build()
    {
        var deals = new DealBuilder();
        foreach (var (region, n1, x1, n0, x0) in Cases)
        {
            var segment = new Segment(region);
            deals.DemoExits(segment, DealBuilder.InCurrent, n1, x1);
            deals.OverBaseline(n0, (at, i) => deals.DemoExits(segment, at, 1, i < x0 ? 1 : 0));
        }
        return deals;
    }
}

public sealed class StageConversionTests(StageConversionRun run) : IClassFixture<StageConversionRun>
{
    [Fact]
    public void StageConversion_ZExactlyMinusTwo_IsWarning()
    {
        // Z2: 12/24 = 1/2 against 52/72 = 13/18: d = -2/9; p = 64/96 = 2/3, p(1-p) = 2/9,
        // 1/24 + 1/72 = 1/18, so the root is sqrt(1/81) = 1/9 and z = -2 exactly (also in doubles).
        var row = run.RequiredWarning("region", "Z2", "stage_conversion", "demo");

        row.ZScore.Should().Be(-2);
        row.Severity.Should().Be("warning");
        row.Should().BeEquivalentTo(new { CurrentN = 24L, CurrentValue = 0.5, BaselineN = 72L, BaselineValue = 52.0 / 72 });
    }

    [Fact]
    public void StageConversion_ZExactlyMinusTwoThatDoublesRoundAbove_IsWarning()
    {
        // Z2R: 4/20 against 44/100: d = 4*100 - 44*20 = -480, N = 120, x = 48:
        // z^2 = 480^2 * 120 / (20 * 100 * 48 * 72) = 27648000 / 6912000 = 4, so z = -2 exactly.
        // The textbook formula in doubles gives -1.9999999999999998 here; the contract says -2 warns.
        var row = run.RequiredWarning("region", "Z2R", "stage_conversion", "demo");

        row.ZScore.Should().Be(-2);
        row.Severity.Should().Be("warning");
    }

    [Fact]
    public void StageConversion_ZJustAboveMinusTwo_IsNotFlagged()
    {
        // ABOVE2: 1/25 against 16/75: d = 75 - 400 = -325, N = 100, x = 17:
        // z^2 = 325^2 * 100 / (25 * 75 * 17 * 83) = 10562500 / 2645625 = 3.9924 (z = -1.9981 > -2).
        run.Warnings("region", "ABOVE2").Should().NotContain(w => w.Metric == "stage_conversion");
    }

    [Fact]
    public void StageConversion_ZExactlyMinusThree_IsCritical()
    {
        // Z3: 10/24 = 5/12 against 54/72 = 9/12: d = -1/3; the root is 1/9 as in Z2 (same n and p = 2/3),
        // so z = -3. Z3R: 4/20 against 46/80: d = 320 - 920 = -600, N = 100, x = 50:
        // z^2 = 600^2 * 100 / (20 * 80 * 50 * 50) = 36000000 / 4000000 = 9 (doubles round it to -2.9999999999999996).
        var z3 = run.RequiredWarning("region", "Z3", "stage_conversion", "demo");
        var z3R = run.RequiredWarning("region", "Z3R", "stage_conversion", "demo");

        z3.ZScore.Should().Be(-3);
        z3.Severity.Should().Be("critical");
        z3R.ZScore.Should().Be(-3);
        z3R.Severity.Should().Be("critical");
    }

    [Fact]
    public void StageConversion_ZJustAboveMinusThree_IsWarning()
    {
        // ABOVE3: 8/24 against 49/72: d = 576 - 1176 = -600, N = 96, x = 57:
        // z^2 = 600^2 * 96 / (24 * 72 * 57 * 39) = 34560000 / 3841344 = 8.9968, z = -2.99948.
        var row = run.RequiredWarning("region", "ABOVE3", "stage_conversion", "demo");

        row.ZScore.Should().BeApproximately(-Math.Sqrt(34560000.0 / 3841344), WarningRun.Precision);
        row.Severity.Should().Be("warning");
    }

    [Fact]
    public void StageConversion_SamplesExactlyAtGates_AreEvaluated()
    {
        // G20_60: n1 = 20 (none advanced) and n0 = 60 (all advanced): p = 60/80 = 3/4,
        // p(1-p) (1/20 + 1/60) = 3/16 * 1/15 = 1/80, z = (0 - 1) / sqrt(1/80) = -sqrt(80).
        var row = run.RequiredWarning("region", "G20_60", "stage_conversion", "demo");

        row.ZScore.Should().BeApproximately(-Math.Sqrt(80), WarningRun.Precision);
        row.Severity.Should().Be("critical");
        row.Should().BeEquivalentTo(new { CurrentN = 20L, CurrentValue = 0.0, BaselineN = 60L, BaselineValue = 1.0 });
    }

    [Theory]
    [InlineData("G19_60")]
    [InlineData("G20_59")]
    public void StageConversion_SampleOneBelowGate_IsNotEvaluated(string region)
    {
        // The same collapse from 100% to 0% as G20_60 (z = -8.7), with n1 = 19 or n0 = 59.
        run.Warnings("region", region).Should().NotContain(w => w.Metric == "stage_conversion");
    }

    [Theory]
    [InlineData("P0")]
    [InlineData("P1")]
    public void StageConversion_PooledProportionZeroOrOne_IsNotFlagged(string region)
    {
        // P0: 0/20 and 0/60 advanced (p = 0); P1: 20/20 and 60/60 (p = 1): the root is 0, z = 0,
        // and the run (with its data tests) succeeded rather than dividing by zero.
        run.Warnings("region", region).Should().NotContain(w => w.Metric == "stage_conversion");
    }

    [Fact]
    public void StageConversion_SkippedStagesAllAdvanced_AreNotFlagged()
    {
        // Stages 1-4 are exited only by entering demo (advanced, p = 1): no region has a row for them.
        run.Warnings().Where(w => w.Metric == "stage_conversion" && w.SegmentType == "region")
            .Select(w => w.Stage).Distinct().Should().Equal("demo");
    }

    [Fact]
    public void StageConversion_FlaggedRows_CarryMonthStageAndAsOf()
    {
        // As of 2026-11-30: T = 2026-12-01, M = 2026-11-01; stage holds the canonical name.
        var rows = run.Warnings().Where(w => w.Metric == "stage_conversion" && w.SegmentType == "region").ToList();

        rows.Select(w => w.SegmentValue).Should().BeEquivalentTo("Z2", "Z2R", "Z3", "Z3R", "ABOVE3", "G20_60");
        rows.Should().AllSatisfy(w =>
        {
            w.Month.Should().Be("2026-11-01");
            w.AsOf.Should().Be("2026-11-30");
            w.Stage.Should().Be("demo");
        });
    }
}
