namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Win rate warnings (METRICS.md section 6) by closes, as of 2026-11-30: M = November 2026,
/// baseline May-October pooled. Each case is its own region: n1 deals closed on November 10, x1
/// of them won; n0 closed over the baseline months, x0 won. Every deal sits 10 days in lead
/// before it closes, so won deals have a 10-day cycle everywhere (cycle ratio 1) and lead's
/// conversion over these exits equals the win rate (those stage_conversion rows mirror the
/// win_rate rows; these tests read win_rate only). Z3 alone has its own product, company size and
/// lead type; every other case is product X, smb, inbound. z is checked by hand through
/// z^2 = d^2 N / (n1 n0 x (N-x)), d = x1 n0 - x0 n1, N = n1+n0, x = x1+x0 (see StageConversionRun).
/// </summary>
public sealed class WinRateRun() : WarningRun(Build())
{
    private static readonly (Segment Segment, int N1, int X1, int N0, int X0)[] Cases =
    [
        (new("Z2"), 24, 12, 72, 52),
        (new("Z2R"), 20, 4, 100, 44),
        (new("ABOVE2"), 25, 1, 75, 16),
        (new("Z3", "W3", "enterprise", "event"), 24, 10, 72, 54),
        (new("ABOVE3"), 24, 8, 72, 49),
        (new("G20_60"), 20, 0, 60, 60),
        (new("G19_60"), 19, 0, 60, 60),
        (new("G20_59"), 20, 0, 59, 59),
        (new("P0"), 20, 0, 60, 0),
        (new("P1"), 20, 20, 60, 60),
    ];

    private static DealBuilder Build()
    {
        var deals = new DealBuilder();
        foreach (var (segment, n1, x1, n0, x0) in Cases)
        {
            deals.Closes(segment, DealBuilder.InCurrent, n1, x1);
            deals.OverBaseline(n0, (at, i) => deals.Closes(segment, at, 1, i < x0 ? 1 : 0));
        }
        return deals;
    }
}

public sealed class WinRateTests(WinRateRun run) : IClassFixture<WinRateRun>
{
    [Fact]
    public void WinRate_ZExactlyMinusTwo_IsWarning()
    {
        // Z2: 12 of 24 won against 52 of 72: z = (1/2 - 13/18) / sqrt(2/3 * 1/3 * 1/18) = (-2/9) / (1/9) = -2.
        // Z2R: 4 of 20 against 44 of 100: z^2 = 480^2 * 120 / (20 * 100 * 48 * 72) = 4 (doubles: -1.9999999999999998).
        var z2 = run.RequiredWarning("region", "Z2", "win_rate");
        var z2R = run.RequiredWarning("region", "Z2R", "win_rate");

        z2.Should().BeEquivalentTo(new
        {
            Stage = (string?)null, Month = "2026-11-01", CurrentN = 24L, CurrentValue = 0.5, BaselineN = 72L,
            BaselineValue = 52.0 / 72, ZScore = -2.0, Severity = "warning",
        });
        z2R.ZScore.Should().Be(-2);
        z2R.Severity.Should().Be("warning");
    }

    [Fact]
    public void WinRate_ZJustAboveMinusTwo_IsNotFlagged()
    {
        // ABOVE2: 1 of 25 against 16 of 75: z^2 = 325^2 * 100 / (25 * 75 * 17 * 83) = 3.9924, z = -1.9981.
        run.Warning("region", "ABOVE2", "win_rate").Should().BeNull();
    }

    [Fact]
    public void WinRate_ZExactlyMinusThree_IsCritical()
    {
        // Z3: 10 of 24 = 5/12 against 54 of 72 = 3/4: d = -1/3, root 1/9, z = -3.
        var row = run.RequiredWarning("region", "Z3", "win_rate");

        row.ZScore.Should().Be(-3);
        row.Severity.Should().Be("critical");
    }

    [Fact]
    public void WinRate_ZJustAboveMinusThree_IsWarning()
    {
        // ABOVE3: 8 of 24 against 49 of 72: z^2 = 600^2 * 96 / (24 * 72 * 57 * 39) = 8.9968, z = -2.99948.
        var row = run.RequiredWarning("region", "ABOVE3", "win_rate");

        row.ZScore.Should().BeApproximately(-Math.Sqrt(34560000.0 / 3841344), WarningRun.Precision);
        row.Severity.Should().Be("warning");
    }

    [Fact]
    public void WinRate_SamplesExactlyAtGates_AreEvaluated()
    {
        // G20_60: 0 of 20 won against 60 of 60: p = 3/4, z = -1 / sqrt(3/16 * (1/20 + 1/60)) = -sqrt(80).
        var row = run.RequiredWarning("region", "G20_60", "win_rate");

        row.Should().BeEquivalentTo(new { CurrentN = 20L, CurrentValue = 0.0, BaselineN = 60L, BaselineValue = 1.0, Severity = "critical" });
        row.ZScore.Should().BeApproximately(-Math.Sqrt(80), WarningRun.Precision);
    }

    [Theory]
    [InlineData("G19_60")]
    [InlineData("G20_59")]
    public void WinRate_SampleOneBelowGate_IsNotEvaluated(string region)
    {
        // The same collapse from 100% to 0% won as G20_60, with 19 closes in M or 59 in the baseline.
        run.Warning("region", region, "win_rate").Should().BeNull();
    }

    [Theory]
    [InlineData("P0")]
    [InlineData("P1")]
    public void WinRate_PooledProportionZeroOrOne_IsNotFlagged(string region)
    {
        // P0: nothing won in 80 closes (p = 0); P1: everything won (p = 1): z = 0, no row, no error.
        run.Warning("region", region, "win_rate").Should().BeNull();
    }

    [Fact]
    public void WinRate_EverySegmentType_GetsItsOwnRow()
    {
        // Z3 is the only case in product W3, company size enterprise and lead type event, so those
        // three segments hold exactly Z3's closes and carry the same critical row as region Z3.
        var expected = new { Stage = (string?)null, CurrentN = 24L, CurrentValue = 10.0 / 24, BaselineN = 72L, BaselineValue = 0.75, ZScore = -3.0, Severity = "critical" };

        foreach (var (type, value) in new[] { ("region", "Z3"), ("product", "W3"), ("company_size", "enterprise"), ("lead_type", "event") })
            run.RequiredWarning(type, value, "win_rate").Should().BeEquivalentTo(expected, because: "{0} {1} holds only Z3's closes", type, value);
    }

    [Fact]
    public void WinRate_FlaggedRegions_AreExactlyTheDrops()
    {
        // Z2, Z2R (z = -2), Z3 (-3), ABOVE3 (-2.9995) and G20_60 (-8.9); not ABOVE2, the gates or P0/P1.
        run.Warnings().Where(w => w.Metric == "win_rate" && w.SegmentType == "region")
            .Select(w => w.SegmentValue).Should().BeEquivalentTo("Z2", "Z2R", "Z3", "ABOVE3", "G20_60");
    }
}
