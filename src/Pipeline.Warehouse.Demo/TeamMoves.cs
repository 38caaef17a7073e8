namespace Pipeline.Warehouse.Demo;

/// <summary>A seller who joins another team from a night on: reps.csv gives the new team and its manager from that night.</summary>
internal sealed record TeamMove(DemoRep Rep, DemoRep Moved, int FirstNight);

/// <summary>
/// Sellers changing team during the nights: about one seller in 250 a night (at least one), each an
/// active seller moving to another team of the same region and the same CRM stages (North America
/// Mid-Market to Enterprise and back, in the fixed roster), under that team's manager. The weak rep
/// stays, so the coaching signal keeps its peers. Deals keep their owner.
/// </summary>
internal sealed class TeamMoves
{
    private const double PerSellerNight = 1.0 / 250;

    private readonly IReadOnlyList<DemoRep> reps;

    private TeamMoves(IReadOnlyList<DemoRep> reps, IReadOnlyList<TeamMove> moves)
    {
        this.reps = reps;
        Moves = moves;
    }

    public IReadOnlyList<TeamMove> Moves { get; }

    public static TeamMoves Plan(DemoRoster roster, NightPlan plan, DemoRandom random)
    {
        var managers = roster.Reps.Where(rep => !rep.IsSeller && rep.TeamIndex >= 0).ToDictionary(rep => rep.TeamIndex);
        ILookup<(string Region, bool IsLegacy), int> alike = Enumerable.Range(0, roster.TeamCount)
            .ToLookup(t => (roster.Teams[t].Region, roster.Teams[t].IsLegacy));
        IEnumerable<int> Alike(DemoRep seller) => alike[(seller.Region, roster.Teams[seller.TeamIndex].IsLegacy)];
        var candidates = roster.Sellers
            .Where((seller, index) => seller.Active && index != roster.WeakSeller && Alike(seller).Count() > 1)
            .ToList();
        int count = Math.Min(candidates.Count, Math.Max(1, (int)Math.Round(roster.Sellers.Length * (plan.Count - 1) * PerSellerNight)));
        var moves = new List<TeamMove>(count);
        for (int i = 0; i < count; i++)
        {
            int pick = random.NextInt(i, candidates.Count);
            (candidates[i], candidates[pick]) = (candidates[pick], candidates[i]);
            DemoRep seller = candidates[i];
            int[] destinations = [.. Alike(seller).Where(t => t != seller.TeamIndex)];
            int team = destinations[random.NextInt(destinations.Length)];
            DemoRep moved = seller with { Team = roster.Teams[team].Name, ManagerId = managers[team].RepId, TeamIndex = team };
            moves.Add(new TeamMove(seller, moved, random.NextInt(1, plan.Count)));
        }

        return new TeamMoves(roster.Reps, moves);
    }

    /// <summary>The rows of reps.csv on <paramref name="night"/>: every rep, moved ones in their new team from their first night on.</summary>
    public IEnumerable<DemoRep> RepsOn(int night)
    {
        var moved = Moves.Where(move => move.FirstNight <= night).ToDictionary(move => move.Rep.RepId, move => move.Moved);
        return reps.Select(rep => moved.GetValueOrDefault(rep.RepId, rep));
    }
}
