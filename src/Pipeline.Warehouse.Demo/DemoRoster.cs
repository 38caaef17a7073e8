namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The fixed sales organisation: a VP, five teams each with a manager, and their sellers.
/// It does not depend on the seed, so reps.csv and quotas.csv change only with the as-of date.
/// </summary>
internal sealed class DemoRoster
{
    /// <summary>Position of the seller who is weak at demo -> influencer buy-in: the 3rd rep of North America Mid-Market.</summary>
    private const int WeakTeam = 1;
    private const int WeakOrdinal = 3;

    private DemoRoster(List<DemoRep> reps, DemoRep[] sellers, int weakSeller)
    {
        Reps = reps;
        Sellers = sellers;
        WeakSeller = weakSeller;
        var all = new double[sellers.Length];
        var active = new double[sellers.Length];
        for (int i = 0; i < sellers.Length; i++)
        {
            all[i] = DemoTeam.All[sellers[i].TeamIndex].Segment.DealWeight;
            active[i] = sellers[i].Active ? all[i] : 0;
        }

        AnySeller = new WeightedChoice(all);
        ActiveSeller = new WeightedChoice(active);
    }

    public IReadOnlyList<DemoRep> Reps { get; }

    public DemoRep[] Sellers { get; }

    public int WeakSeller { get; }

    /// <summary>Owner of a deal created before the inactive reps left.</summary>
    public WeightedChoice AnySeller { get; }

    /// <summary>Owner of a deal created after the inactive reps left.</summary>
    public WeightedChoice ActiveSeller { get; }

    public int TeamCount => DemoTeam.All.Length;

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

        return new DemoRoster(reps, [.. sellers], weakSeller);
    }

    /// <summary>Two sellers left about six months before the as-of date: the 5th of North America Enterprise and the 6th of APAC Commercial.</summary>
    private static bool IsDeparted(int team, int ordinal) => (team == 0 && ordinal == 5) || (team == 3 && ordinal == 6);

    private static string RepId(int number) => "R" + number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    private static DemoRep Person(ref int person, string repId, string managerId, string team, string region, bool active, bool isSeller, int teamIndex)
    {
        string first = PersonNames.First[person % PersonNames.First.Length];
        string last = PersonNames.Last[((person * 17) + 5) % PersonNames.Last.Length];
        person++;
        string email = (first + "." + last).ToLowerInvariant() + "@example.com";
        return new DemoRep(repId, first + " " + last, email, managerId, team, region, active, isSeller, teamIndex);
    }
}
