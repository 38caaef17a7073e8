namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>The two planted signals are visible in the files (20,000 deals, so the rates are stable).</summary>
public sealed class DemoSignalTests(SignalDataFixture demo) : IClassFixture<SignalDataFixture>
{
    private readonly CsvTable deals = demo.Deals;

    [Fact]
    public void Generate_EmeaDiscoveryCalls_ConvertAboutHalfAsOftenInLatestCompleteMonth()
    {
        // As of 2026-11-30, T is 2026-12-01: the latest complete month is November 2026,
        // its baseline the six months before (May to October 2026).
        var month = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var baseline = month.AddMonths(-6);
        var emea = Exits(deal => deal[deals["region"]] == "EMEA", stage: 3);

        double current = Rate(emea.Where(exit => exit.At >= month));
        double usual = Rate(emea.Where(exit => exit.At >= baseline && exit.At < month));

        usual.Should().BeGreaterThan(0.85);
        current.Should().BeLessThan(usual * 0.7, "the planted drop halves EMEA's discovery call -> opportunity rate");
    }

    [Fact]
    public void Generate_ThirdRepOfNorthAmericaMidMarket_ConvertsDemosAboutHalfAsOftenAsTeamInLastSixMonths()
    {
        CsvTable reps = demo.Reps;
        string[] sellers = reps.Rows
            .Where(rep => rep[reps["team"]] == "North America Mid-Market" && rep[reps["manager_id"]] != "R001")
            .Select(rep => rep[0])
            .ToArray();
        string weak = sellers[2];
        DateTime from = DemoDataFixture.End.AddDays(-180);

        double rep = Rate(Exits(deal => deal[deals["rep_id"]] == weak, stage: 5).Where(exit => exit.At >= from));
        double peers = Rate(Exits(deal => sellers.Contains(deal[deals["rep_id"]]) && deal[deals["rep_id"]] != weak, stage: 5).Where(exit => exit.At >= from));

        peers.Should().BeGreaterThan(0.75);
        rep.Should().BeLessThan(peers * 0.75, $"{weak} is planted as weak at demo -> influencer buy-in");
    }

    private static double Rate(IEnumerable<(bool Advanced, DateTime At)> exits)
    {
        var list = exits.ToList();
        list.Should().HaveCountGreaterThan(30, "the rate needs enough exits to mean something");
        return (double)list.Count(exit => exit.Advanced) / list.Count;
    }

    private List<(bool Advanced, DateTime At)> Exits(Func<string[], bool> dealFilter, int stage) =>
        deals.Rows
            .Where(deal => dealFilter(deal) && demo.Timelines.ContainsKey(deal[0]))
            .Select(deal => StageExits.Exit(demo.Timelines[deal[0]], stage))
            .Where(exit => exit is not null)
            .Select(exit => exit!.Value)
            .ToList();
}
