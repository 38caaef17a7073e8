using System.Globalization;
using System.Text;

namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// Rep coaching flags (METRICS.md section 6), as of 2026-11-30: T = 2026-12-01, so the window is
/// [T - 180 days, T) = [2026-06-04 00:00, 2026-12-01 00:00). Each case is its own team; every
/// deal enters demo a day before it exits demo on 2026-09-15 12:00 (advanced into
/// influencer_buy_in, or lost), unless said otherwise. Stages 1-4 are all advanced (z = 0).
/// A rep is compared with the pooled exits of the other reps of its team:
/// z^2 = d^2 N / (n1 n0 x (N-x)), d = x1 n0 - x0 n1, N = n1+n0, x = x1+x0 (rep: n1, x1; peers: n0, x0).
/// </summary>
public sealed class RepCoachingRun() : WarningRun(Build(out var reps), reps: reps)
{
    public static readonly DateTime InWindow = new(2026, 9, 15, 12, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime WindowStart = new(2026, 6, 4, 0, 0, 0, DateTimeKind.Utc);

    // team, then (rep, exits, advanced) of its reps in the window; the first rep is the one under test.
    private static readonly (string Team, (string Rep, int Exited, int Advanced)[] Reps)[] Teams =
    [
        ("Z2", [("Z2A", 24, 12), ("Z2P1", 36, 26), ("Z2P2", 36, 26)]),
        ("Z2R", [("Z2RA", 20, 4), ("Z2RP1", 50, 22), ("Z2RP2", 50, 22)]),
        ("ABOVE", [("ABA", 25, 1), ("ABP1", 38, 8), ("ABP2", 37, 8)]),
        ("GATE", [("GA", 10, 0), ("GP1", 15, 15), ("GP2", 15, 15)]),
        ("GATE9", [("G9A", 9, 0), ("G9P1", 15, 15), ("G9P2", 15, 15)]),
        ("GATE29", [("G29A", 10, 0), ("G29P1", 15, 15), ("G29P2", 14, 14)]),
        ("SPLIT", [("SA", 10, 0), ("SP", 20, 20)]),
        ("OTHER", [("OA", 40, 40)]),
        ("WIN", [("WA", 9, 0), ("WP1", 15, 15), ("WP2", 15, 15)]),
        ("WOUT", [("OUTA", 9, 0), ("OUTP1", 15, 15), ("OUTP2", 15, 15)]),
    ];

    private static DealBuilder Build(out string reps)
    {
        var deals = new DealBuilder();
        var csv = new StringBuilder("rep_id,rep_name,email,manager_id,team,region,active\n");
        foreach (var (team, members) in Teams)
        {
            foreach (var (rep, exited, advanced) in members)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{rep},Rep {rep},,,{team},EMEA,true\n");
                deals.DemoExits(new Segment("EMEA", Rep: rep), InWindow, exited, advanced);
            }
        }

        // WIN: WA's tenth exit (lost) is at exactly T - 180 days, in the window; WP1 also has 20
        // lost exits one second before it, outside. WOUT: OUTA's tenth is one second before it.
        deals.DemoExits(new Segment("EMEA", Rep: "WA"), WindowStart, 1, 0);
        deals.DemoExits(new Segment("EMEA", Rep: "WP1"), WindowStart.AddSeconds(-1), 20, 0);
        deals.DemoExits(new Segment("EMEA", Rep: "OUTA"), WindowStart.AddSeconds(-1), 1, 0);
        reps = csv.ToString();
        return deals;
    }
}

public sealed class RepCoachingTests(RepCoachingRun run) : IClassFixture<RepCoachingRun>
{
    [Fact]
    public void RepCoaching_ZExactlyMinusTwo_IsFlagged()
    {
        // Z2A: 12/24 against peers 52/72 (26/36 each): z = (1/2 - 13/18) / sqrt(2/9 * 1/18) = -2.
        // Z2RA: 4/20 against 44/100: z^2 = 480^2 * 120 / (20 * 100 * 48 * 72) = 4 (doubles: -1.9999999999999998).
        var flags = run.Coaching();

        flags.Should().ContainSingle(c => c.RepId == "Z2A").Which.Should().BeEquivalentTo(new
        {
            Team = "Z2", Stage = "demo", RepExits = 24L, RepConversion = 0.5, PeerExits = 72L, PeerConversion = 52.0 / 72, ZScore = -2.0,
        });
        flags.Should().ContainSingle(c => c.RepId == "Z2RA").Which.ZScore.Should().Be(-2);
    }

    [Fact]
    public void RepCoaching_ZJustAboveMinusTwo_IsNotFlagged()
    {
        // ABA: 1/25 against 16/75: z^2 = 325^2 * 100 / (25 * 75 * 17 * 83) = 3.9924, z = -1.9981.
        run.Coaching().Should().NotContain(c => c.RepId == "ABA");
    }

    [Fact]
    public void RepCoaching_TenExitsAndThirtyPeerExits_IsEvaluated()
    {
        // GA: 0/10 against 30/30: p = 3/4, z = -1 / sqrt(3/16 * (1/10 + 1/30)) = -1 / sqrt(1/40) = -sqrt(40).
        var flag = run.Coaching().Should().ContainSingle(c => c.RepId == "GA").Subject;

        flag.Should().BeEquivalentTo(new { Team = "GATE", RepExits = 10L, RepConversion = 0.0, PeerExits = 30L, PeerConversion = 1.0 });
        flag.ZScore.Should().BeApproximately(-Math.Sqrt(40), WarningRun.Precision);
    }

    [Theory]
    [InlineData("G9A")]
    [InlineData("G29A")]
    public void RepCoaching_NineExitsOrTwentyNinePeerExits_IsNotEvaluated(string rep)
    {
        // G9A: 0/9 against 30/30; G29A: 0/10 against 29/29 (15 + 14).
        run.Coaching().Should().NotContain(c => c.RepId == rep);
    }

    [Fact]
    public void RepCoaching_RepOnAnotherTeam_IsNotAPeer()
    {
        // SA (0/10) has one peer on team SPLIT, SP with 20 exits: below 30. OA's 40 exits are on
        // team OTHER; with them SA would have 60/60 peer exits, p = 6/7 and
        // z = -1 / sqrt(6/49 * (1/10 + 1/60)) = -8.37. OA, alone on its team, has no peers.
        run.Coaching().Should().NotContain(c => c.RepId == "SA" || c.RepId == "OA");
    }

    [Fact]
    public void RepCoaching_ExitAtWindowStart_Counts()
    {
        // WA: 9 lost exits in September + 1 at exactly 2026-06-04 00:00 = 10 (0 advanced). WP1's 20
        // lost exits at 06-03 23:59:59 are ignored: peers 30/30, so z = -sqrt(40) as for GA.
        var flag = run.Coaching().Should().ContainSingle(c => c.RepId == "WA").Subject;

        flag.Should().BeEquivalentTo(new { RepExits = 10L, PeerExits = 30L, PeerConversion = 1.0 });
        flag.ZScore.Should().BeApproximately(-Math.Sqrt(40), WarningRun.Precision);
    }

    [Fact]
    public void RepCoaching_ExitBeforeWindow_IsIgnored()
    {
        // OUTA: 9 in September; its tenth exit, at 06-03 23:59:59, is before T - 180 days: 9 < 10.
        run.Coaching().Should().NotContain(c => c.RepId == "OUTA");
    }

    [Fact]
    public void RepCoaching_Flags_AreExactlyTheWeakReps()
    {
        // Only the four reps above; peers that convert better than their team are never flagged.
        run.Coaching().Select(c => c.RepId).Should().BeEquivalentTo("Z2A", "Z2RA", "GA", "WA");
    }
}
