namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Every segment type rolls the same exits up by its own values (METRICS.md section 6), as of
/// 2026-11-30 (M = November 2026, baseline May-October). Two groups of deals exit demo:
/// A (EMEA, product X, smb, inbound): 24 exits in M, 10 advanced; 72 in the baseline, 54 advanced.
/// B (APAC, product Y, enterprise, referral): 24 in M and 72 in the baseline, all advanced.
/// Stages 1-4 are all advanced (entered demo directly); win rate has lost closes only (p = 0);
/// pipeline creation (demo entries) is 24 in M against a mean of 12 per group; nothing is won.
/// </summary>
public sealed class SegmentTypeRun() : WarningRun(Build())
{
    public static readonly Segment A = new("EMEA", "X", "smb", "inbound");

    public static readonly Segment B = new("APAC", "Y", "enterprise", "referral");

    private static DealBuilder Build()
    {
        var deals = new DealBuilder();
        deals.DemoExits(A, DealBuilder.InCurrent, 24, 10);
        deals.OverBaseline(72, (at, i) => deals.DemoExits(A, at, 1, i < 54 ? 1 : 0));
        deals.DemoExits(B, DealBuilder.InCurrent, 24, 24);
        deals.OverBaseline(72, (at, _) => deals.DemoExits(B, at, 1, 1));
        return deals;
    }
}

public sealed class SegmentTypeTests(SegmentTypeRun run) : IClassFixture<SegmentTypeRun>
{
    [Fact]
    public void SegmentWarnings_GroupDrop_FlagsEachSegmentTypeOfTheGroup()
    {
        // Group A alone: 10/24 = 5/12 against 54/72 = 3/4, p = 64/96 = 2/3, root
        // sqrt(2/9 * (1/24 + 1/72)) = 1/9, z = (-1/3) / (1/9) = -3: critical in region EMEA,
        // product X, company size smb and lead type inbound, each its own row.
        var expected = new
        {
            AsOf = "2026-11-30", Metric = "stage_conversion", Stage = "demo", Month = "2026-11-01",
            CurrentN = 24L, CurrentValue = 10.0 / 24, BaselineN = 72L, BaselineValue = 0.75, ZScore = -3.0, Severity = "critical",
        };

        foreach (var (type, value) in new[] { ("region", "EMEA"), ("product", "X"), ("company_size", "smb"), ("lead_type", "inbound") })
            run.Warnings(type, value).Should().ContainSingle().Which.Should().BeEquivalentTo(expected, because: "{0} {1} is group A", type, value);
    }

    [Fact]
    public void SegmentWarnings_AllSegment_PoolsBothGroups()
    {
        // all = A + B: 34 of 48 advanced in M (17/24) against 126 of 144 (7/8); p = 160/192 = 5/6,
        // p(1-p) = 5/36, 1/48 + 1/144 = 1/36, root sqrt(5)/36; d = 17/24 - 7/8 = -1/6,
        // z = (-1/6) * 36 / sqrt(5) = -6 / sqrt(5) = -2.683: a warning, not critical.
        var row = run.Warnings("all", "all").Should().ContainSingle().Subject;

        row.Should().BeEquivalentTo(new
        {
            Metric = "stage_conversion", Stage = "demo", Month = "2026-11-01", CurrentN = 48L, CurrentValue = 34.0 / 48,
            BaselineN = 144L, BaselineValue = 126.0 / 144, Severity = "warning",
        });
        row.ZScore.Should().BeApproximately(-6 / Math.Sqrt(5), WarningRun.Precision);
    }

    [Fact]
    public void SegmentWarnings_SteadyGroup_HasNoRows()
    {
        // Group B converts every exit in both periods (p = 1, z = 0): none of its values is flagged,
        // so the table holds exactly the 5 rows above.
        run.Warnings().Should().HaveCount(5);
        run.Warnings().Should().NotContain(w => w.SegmentValue == "APAC" || w.SegmentValue == "Y" || w.SegmentValue == "enterprise" || w.SegmentValue == "referral");
    }
}
