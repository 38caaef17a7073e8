using System.Globalization;
using System.Text;

namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Team warnings (issue 10): the checks of marts.segment_warnings within each team's deals, as of
/// 2026-11-30 (M = November 2026, baseline May-October). Team TA (rep A1) falls at demo: 8/20 in
/// M against 48/60 in the baseline; team TB (rep B1) rises: 16/20 against 12/60. Company-wide the
/// two cancel out: 24/40 against 60/120, a rise, so the company has no demo warning.
/// TA: d = 8 * 60 - 48 * 20 = -480, N = 80, x = 56: z^2 = 480^2 * 80 / (20 * 60 * 56 * 24) = 80/7,
/// z = -3.3806: critical. Stages 1-4 are all advanced (z = 0); the lost closes in M are 12 (TA) and
/// 4 (TB), below the win rate's gate of 20; the 10 a month of new pipeline in the baseline per team
/// do not fall in M (20).
/// </summary>
public sealed class TeamWarningRun() : WarningRun(Build(), reps: Reps)
{
    public const string Reps = "rep_id,rep_name,email,manager_id,team,region,active\nA1,Rep A1,,,TA,EMEA,true\nB1,Rep B1,,,TB,EMEA,true\n";

    private static DealBuilder Build()
    {
        var deals = new DealBuilder();
        var a = new Segment("EMEA", Rep: "A1");
        var b = new Segment("EMEA", Rep: "B1");
        deals.OverBaseline(60, (at, i) => deals.DemoExits(a, at, 1, i < 48 ? 1 : 0));
        deals.OverBaseline(60, (at, i) => deals.DemoExits(b, at, 1, i < 12 ? 1 : 0));
        deals.DemoExits(a, DealBuilder.InCurrent, 20, 8);
        deals.DemoExits(b, DealBuilder.InCurrent, 20, 16);
        return deals;
    }

    /// <summary>marts.team_warnings: team, segment type, segment value, metric, stage, current_n, current_value, baseline_n, baseline_value, z, severity.</summary>
    public IReadOnlyList<(string Team, string SegmentType, string SegmentValue, string Metric, string? Stage, long CurrentN, double CurrentValue, long BaselineN, double BaselineValue, double? Z, string Severity)> TeamWarnings() =>
        Warehouse.Rows("""
            select team, segment_type, segment_value, metric, stage, cast(current_n as bigint), current_value,
                cast(baseline_n as bigint), baseline_value, z_score, severity
            from marts.team_warnings order by team, segment_type, segment_value, metric
            """)
        .Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string?)r[4],
            Convert.ToInt64(r[5], CultureInfo.InvariantCulture), (double)r[6]!, Convert.ToInt64(r[7], CultureInfo.InvariantCulture),
            (double)r[8]!, (double?)r[9], (string)r[10]!))
        .ToList();
}

public sealed class TeamWarningTests(TeamWarningRun run) : IClassFixture<TeamWarningRun>
{
    [Fact]
    public void TeamWarnings_TeamFallingAtDemo_IsFlaggedInEverySegmentOfItsDeals()
    {
        var rows = run.TeamWarnings();

        rows.Select(r => (r.Team, r.SegmentType, r.SegmentValue, r.Metric, r.Stage, r.Severity)).Should().Equal(
            ("TA", "all", "all", "stage_conversion", "demo", "critical"),
            ("TA", "company_size", "smb", "stage_conversion", "demo", "critical"),
            ("TA", "lead_type", "inbound", "stage_conversion", "demo", "critical"),
            ("TA", "product", "X", "stage_conversion", "demo", "critical"),
            ("TA", "region", "EMEA", "stage_conversion", "demo", "critical"));
        var all = rows[0];
        (all.CurrentN, all.CurrentValue, all.BaselineN, all.BaselineValue).Should().Be((20L, 0.4, 60L, 0.8));
        all.Z!.Value.Should().BeApproximately(-Math.Sqrt(80.0 / 7), WarningRun.Precision);
    }

    [Fact]
    public void TeamWarnings_CompanyRows_StayInSegmentWarnings()
    {
        // Pooled over both teams demo rises (0.6 against 0.5): segment_warnings has nothing.
        run.Warnings().Should().BeEmpty();
    }
}
