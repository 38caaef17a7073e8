using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>The report set reads every mart the reports show once, through the thin queries of sql/reports.</summary>
public sealed class ReportSetTests(DemoWarehouse warehouse) : IClassFixture<DemoWarehouse>
{
    [Fact]
    public void Load_ReadsEveryMartAtEveryScope()
    {
        using var source = ReportSource.Open(warehouse.Warehouse);
        var set = ReportSet.Load(source);
        set.AsOf.Should().Be(BuiltWarehouse.AsOf);
        set.Reps.Should().NotBeEmpty();
        var team = set.Teams[0];
        foreach (var scope in new[] { ScopeKey.Company, ScopeKey.ForTeam(team) })
        {
            set.Attainment[scope].Should().HaveCount(4, "current and next month and quarter");
            set.Months[scope].Should().NotBeEmpty();
            set.Funnel[scope].Should().NotBeEmpty();
            set.Velocity[scope].Should().NotBeEmpty();
        }
        var rep = set.Reps.First(r => r.HasRecentDeals);
        set.Comparisons[rep.RepId].Should().NotBeEmpty();
        set.StageComparisons[rep.RepId].Should().HaveCount(8);
        set.TeamMedians[team].Should().NotBeEmpty();
        set.Labels.Used.Should().NotBeEmpty();
        set.OpenDeals(team: team, stalledOnly: true, limit: 5).Should().OnlyContain(deal => deal.IsStalled && deal.Team == team);
        set.ClosedDeals(rep.RepId).Should().NotBeEmpty();
        set.LoadFiles.Should().OnlyContain(file => !file.File.Contains('/'));
    }
}
