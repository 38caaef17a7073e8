namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The fixed sales organisation: a VP, five teams each with a manager, and their sellers.
/// It does not depend on the seed, so reps.csv and quotas.csv change only with the as-of date.
/// <see cref="Build(int)"/> scales it to N sellers for load tests, keeping the same shape.
/// </summary>
internal sealed class DemoRoster
{
    /// <summary>Position of the seller who is weak at demo -> influencer buy-in: the 3rd rep of North America Mid-Market.</summary>
    private const int WeakTeam = 1;
    private const int WeakOrdinal = 3;

    /// <summary>Sellers per team of a scaled roster (the fixed one has 3 to 9).</summary>
    public const int SellersPerTeam = 8;

    /// <summary>Largest seller count of a scaled roster.</summary>
    public const int MaxReps = DemoOptions.MaxReps;

    private DemoRoster(DemoTeam[] teams, List<DemoRep> reps, DemoRep[] sellers, int weakSeller)
    {
        Teams = teams;
        Reps = reps;
        Sellers = sellers;
        WeakSeller = weakSeller;
        var all = new double[sellers.Length];
        var active = new double[sellers.Length];
        for (int i = 0; i < sellers.Length; i++)
        {
            all[i] = teams[sellers[i].TeamIndex].Segment.DealWeight;
            active[i] = sellers[i].Active ? all[i] : 0;
        }

        AnySeller = new WeightedChoice(all);
        ActiveSeller = new WeightedChoice(active);
    }

    /// <summary>The teams; <see cref="DemoRep.TeamIndex"/> indexes this array.</summary>
    public DemoTeam[] Teams { get; }

    public IReadOnlyList<DemoRep> Reps { get; }

    public DemoRep[] Sellers { get; }

    public int WeakSeller { get; }

    /// <summary>Owner of a deal created before the inactive reps left.</summary>
    public WeightedChoice AnySeller { get; }

    /// <summary>Owner of a deal created after the inactive reps left.</summary>
    public WeightedChoice ActiveSeller { get; }

    public int TeamCount => Teams.Length;

    /// <summary>The fixed roster: 35 sellers in the five teams of <see cref="DemoTeam.All"/>, ids R001..R041.</summary>
    public static DemoRoster Build()
    {
        var reps = new List<DemoRep>();
        var sellers = new List<DemoRep>();
        int weakSeller = -1;
        int person = 0;
        const string VpId = "R001";
        reps.Add(Person(ref person, VpId, managerId: "", "Sales Leadership", DemoTeam.NorthAmerica, active: true, isSeller: false, teamIndex: -1));
        for (int t = 0; t < DemoTeam.All.Length; t++)
        {
            DemoTeam team = DemoTeam.All[t];
            string managerId = RepId(reps.Count + 1);
            reps.Add(Person(ref person, managerId, VpId, team.Name, team.Region, active: true, isSeller: false, t));
            for (int ordinal = 1; ordinal <= team.Sellers; ordinal++)
            {
                bool active = !IsDeparted(t, ordinal);
                DemoRep seller = Person(ref person, RepId(reps.Count + 1), managerId, team.Name, team.Region, active, isSeller: true, t);
                if (t == WeakTeam && ordinal == WeakOrdinal)
                {
                    weakSeller = sellers.Count;
                }

                reps.Add(seller);
                sellers.Add(seller);
            }
        }

        return new DemoRoster(DemoTeam.All, reps, [.. sellers], weakSeller);
    }

    /// <summary>
    /// A roster of <paramref name="sellerCount"/> sellers in ceil(N / 8) teams of 7 to 8 (fewer when N &lt; 8),
    /// each with a manager under one VP. Team t copies region, segment and CRM stages of
    /// <see cref="DemoTeam.All"/>[t mod 5], so regions and segments are spread as in the fixed roster;
    /// from the sixth team on the names get a number ("EMEA Enterprise 2"). The planted signals stay:
    /// the 3rd seller of the second team is weak at demo -> influencer buy-in, the 5th seller of every
    /// North America Enterprise team and the 6th of every APAC Commercial team left, and the EMEA drop
    /// applies to every EMEA team. Ids are R0001 (the VP), then each manager followed by their sellers.
    /// </summary>
    public static DemoRoster Build(int sellerCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sellerCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sellerCount, MaxReps);
        int teamCount = (sellerCount + SellersPerTeam - 1) / SellersPerTeam;
        var teams = new DemoTeam[teamCount];
        for (int t = 0; t < teamCount; t++)
        {
            DemoTeam template = DemoTeam.All[t % DemoTeam.All.Length];
            int cycle = t / DemoTeam.All.Length;
            int size = (sellerCount / teamCount) + (t < sellerCount % teamCount ? 1 : 0);
            string name = cycle == 0 ? template.Name : template.Name + " " + (cycle + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            teams[t] = template with { Name = name, Sellers = size };
        }

        int width = Math.Max(4, (1 + teamCount + sellerCount).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var reps = new List<DemoRep>(1 + teamCount + sellerCount);
        var sellers = new List<DemoRep>(sellerCount);
        int weakSeller = -1;
        int person = 0;
        string vpId = RepId(1, width);
        reps.Add(Person(ref person, vpId, managerId: "", "Sales Leadership", DemoTeam.NorthAmerica, active: true, isSeller: false, teamIndex: -1));
        for (int t = 0; t < teamCount; t++)
        {
            DemoTeam team = teams[t];
            string managerId = RepId(reps.Count + 1, width);
            reps.Add(Person(ref person, managerId, vpId, team.Name, team.Region, active: true, isSeller: false, t));
            for (int ordinal = 1; ordinal <= team.Sellers; ordinal++)
            {
                bool active = !IsDeparted(t % DemoTeam.All.Length, ordinal);
                DemoRep seller = Person(ref person, RepId(reps.Count + 1, width), managerId, team.Name, team.Region, active, isSeller: true, t);
                if (t == WeakTeam && ordinal == WeakOrdinal)
                {
                    weakSeller = sellers.Count;
                }

                reps.Add(seller);
                sellers.Add(seller);
            }
        }

        if (sellers.TrueForAll(s => !s.Active))
        {
            throw new InvalidOperationException("A scaled roster needs at least one active seller.");
        }

        return new DemoRoster(teams, reps, [.. sellers], weakSeller);
    }

    /// <summary>Two sellers left about six months before the as-of date: the 5th of North America Enterprise and the 6th of APAC Commercial.</summary>
    private static bool IsDeparted(int team, int ordinal) => (team == 0 && ordinal == 5) || (team == 3 && ordinal == 6);

    private static string RepId(int number, int width = 3) => "R" + number.ToString("D" + width.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static DemoRep Person(ref int person, string repId, string managerId, string team, string region, bool active, bool isSeller, int teamIndex)
    {
        string first = PersonNames.First[person % PersonNames.First.Length];
        string last = PersonNames.Last[((person * 17) + 5) % PersonNames.Last.Length];

        // 44 first and 43 last names give 1,892 distinct pairs; beyond that (only in large scaled rosters) number the round.
        int round = person / (PersonNames.First.Length * PersonNames.Last.Length);
        if (round > 0)
        {
            last += (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        person++;
        string email = (first + "." + last).ToLowerInvariant() + "@example.com";
        return new DemoRep(repId, first + " " + last, email, managerId, team, region, active, isSeller, teamIndex);
    }
}
