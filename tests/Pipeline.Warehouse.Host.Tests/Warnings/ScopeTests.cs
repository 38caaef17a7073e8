using System.Globalization;

namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// The readers' scopes (issue 10): marts.funnel_windows, marts.rep_stage_comparison and
/// marts.velocity_by_scope, as of 2026-11-30: T = 2026-12-01 00:00, M = November 2026, the
/// coaching window [2026-06-04, T), W = [2025-12-01, T). Reps from the standard reps.csv: R1 and
/// R2 on team East, R3 on team West. Every deal enters demo a day before it exits demo (advanced
/// into influencer_buy_in and left open there, or lost):
/// R1: 10 exits on 2026-09-15, all advanced, and 2 on 2026-11-10, 1 advanced;
/// R2: 30 on 2026-09-15, 10 advanced; R3: 5 on 2026-09-15, 3 advanced, and 2 on 2026-03-01, none.
/// </summary>
public sealed class ScopeRun() : WarningRun(Build())
{
    private static readonly DateTime September = new(2026, 9, 15, 12, 0, 0, DateTimeKind.Utc);

    private static DealBuilder Build() => new DealBuilder()
        .DemoExits(new Segment("EMEA", Rep: "R1"), September, 10, 10)
        .DemoExits(new Segment("EMEA", Rep: "R1"), DealBuilder.InCurrent, 2, 1)
        .DemoExits(new Segment("EMEA", Rep: "R2"), September, 30, 10)
        .DemoExits(new Segment("APAC", Rep: "R3"), September, 5, 3)
        .DemoExits(new Segment("APAC", Rep: "R3"), new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), 2, 0);

    /// <summary>Demo's exited, advanced and conversion in a window, per scope ("company", a team, or a rep id).</summary>
    public Dictionary<string, (long Exited, long Advanced, double? Conversion)> Demo(string window) =>
        Warehouse.Rows("""
            select coalesce(rep_id, team, 'company'), exited, advanced, conversion
            from marts.funnel_windows where stage = 'demo' and window_name = $window
            """, ("window", window))
        .ToDictionary(r => (string)r[0]!, r => (Long(r[1]), Long(r[2]), (double?)r[3]));

    public static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}

public sealed class ScopeTests(ScopeRun run) : IClassFixture<ScopeRun>
{
    [Fact]
    public void FunnelWindows_Last180Days_CountsEachScope()
    {
        // March is before T - 180 days (2026-06-04); September and November are in.
        run.Demo("last_180_days").Should().BeEquivalentTo(new Dictionary<string, (long, long, double?)>
        {
            ["company"] = (47, 24, 24.0 / 47),
            ["East"] = (42, 21, 0.5),
            ["West"] = (5, 3, 0.6),
            ["R1"] = (12, 11, 11.0 / 12),
            ["R2"] = (30, 10, 10.0 / 30),
            ["R3"] = (5, 3, 0.6),
        });
    }

    [Fact]
    public void FunnelWindows_MonthWindowsAndYear_CountTheirExits()
    {
        // latest_month: November only (R1's two); R2 and West exited nothing: conversion NULL.
        run.Demo("latest_month").Should().BeEquivalentTo(new Dictionary<string, (long, long, double?)>
        {
            ["company"] = (2, 1, 0.5), ["East"] = (2, 1, 0.5), ["West"] = (0, 0, null),
            ["R1"] = (2, 1, 0.5), ["R2"] = (0, 0, null), ["R3"] = (0, 0, null),
        });
        // baseline_6_months: May-October (September); March is before it.
        run.Demo("baseline_6_months")["company"].Should().Be((45L, 23L, 23.0 / 45));
        // last_365_days: everything, March included.
        run.Demo("last_365_days")["company"].Should().Be((49L, 24L, 24.0 / 49));
        run.Demo("last_365_days")["R3"].Should().Be((7L, 3L, 3.0 / 7));
    }

    [Fact]
    public void RepStageComparison_GivesEveryRepAndStageAVerdict()
    {
        var rows = run.Warehouse.Rows("""
                select rep_id, team, stage, rep_exits, rep_advanced, peer_exits, peer_advanced, peer_conversion, z_score, verdict
                from marts.rep_stage_comparison order by rep_id, stage_order
                """);

        rows.Should().HaveCount(24); // 3 reps x 8 stages
        var demo = rows.Where(r => (string)r[2]! == "demo").ToDictionary(r => (string)r[0]!);
        // R1: 11/12 against R2's 10/30: d = 11 * 30 - 10 * 12 = 210, N = 42, x = 21:
        // z^2 = 210^2 * 42 / (12 * 30 * 21 * 21) = 35/3; gates met (12 >= 10, 30 >= 30): stronger.
        demo["R1"][9].Should().Be("stronger");
        ((double)demo["R1"][8]!).Should().BeApproximately(Math.Sqrt(35.0 / 3), WarningRun.Precision);
        (ScopeRun.Long(demo["R1"][5]), ScopeRun.Long(demo["R1"][6])).Should().Be((30L, 10L));
        // R2: the mirror image, but its peers have 12 exits < 30.
        demo["R2"][9].Should().Be("too few exits");
        ((double)demo["R2"][8]!).Should().BeApproximately(-Math.Sqrt(35.0 / 3), WarningRun.Precision);
        // R3 is alone on West: no peers, no z.
        ScopeRun.Long(demo["R3"][5]).Should().Be(0);
        demo["R3"][7].Should().BeNull();
        demo["R3"][8].Should().BeNull();
        demo["R3"][9].Should().Be("too few exits");
        // Lead: all advanced on both sides, z = 0: about the same for R1 (12 against 30).
        var lead = rows.Single(r => (string)r[0]! == "R1" && (string)r[2]! == "lead");
        ((double)lead[8]!, (string)lead[9]!).Should().Be((0.0, "about the same"));
        run.Coaching().Should().BeEmpty();
    }

    [Fact]
    public void VelocityByScope_OpenOpportunitiesAtThePoints()
    {
        // The advanced deals stay open in influencer_buy_in. At the end of October (2026-11-01)
        // R1's November deals do not exist yet; the end of November is T itself. Closed in
        // [t - 365 days, t): the lost deals (R1 1 in November, R2 20 and R3 2 in September, R3 2 in March).
        var rows = run.Warehouse.Rows("""
                select point, coalesce(rep_id, team, 'company'), cast(measured_at as varchar), open_opportunities, closed_in_window, win_rate
                from marts.velocity_by_scope where segment_type = 'all'
                """)
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => ((string)r[2]!, ScopeRun.Long(r[3]), ScopeRun.Long(r[4]), (double?)r[5]));

        rows[("as_of", "company")].Should().Be(("2026-12-01 00:00:00", 24L, 25L, 0.0));
        rows[("as_of", "East")].Should().Be(("2026-12-01 00:00:00", 21L, 21L, 0.0));
        rows[("as_of", "R3")].Should().Be(("2026-12-01 00:00:00", 3L, 4L, 0.0));
        rows[("latest_month_end", "R1")].Should().Be(("2026-12-01 00:00:00", 11L, 1L, 0.0));
        rows[("prior_month_end", "R1")].Should().Be(("2026-11-01 00:00:00", 10L, 0L, null));
        rows[("prior_month_end", "East")].Should().Be(("2026-11-01 00:00:00", 20L, 20L, 0.0));
        rows.Should().HaveCount(3 * 6); // company, 2 teams, 3 reps at 3 points
    }

    [Fact]
    public void VelocityByScope_RepsHaveSegmentAllOnly_TeamsTheirOwnSegments()
    {
        var segments = run.Warehouse.Rows("""
                select distinct scope_type, coalesce(team, ''), segment_type, segment_value
                from marts.velocity_by_scope where segment_type in ('all', 'region') order by all
                """)
            .Select(r => string.Join('/', r.Select(v => (string)v!)))
            .ToList();

        segments.Should().Equal(
            "company//all/all", "company//region/APAC", "company//region/EMEA",
            "rep/East/all/all", "rep/West/all/all",
            "team/East/all/all", "team/East/region/EMEA", "team/West/all/all", "team/West/region/APAC");
    }
}
