using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Waterfall;

/// <summary>The demo exports of 2,000 deals, loaded once as of 2026-11-30.</summary>
public sealed class DemoWaterfallRun : IDisposable
{
    public WarehouseRun Run { get; } = new();

    public DemoWaterfallRun()
    {
        DemoGenerator.Generate(new DemoOptions(Run.Input, Deals: 2000, Seed: 11, AsOf: new DateOnly(2026, 11, 30)));
        Run.Run("2026-11-30");
    }

    public void Dispose() => Run.Dispose();
}

/// <summary>
/// 2,400 deals of 840 generated reps (105 teams) as of 2026-11-30: more teams than the waterfall's
/// deals rank by a top-n state per team (at most 100), so the teams' ranks come from a sort.
/// </summary>
public sealed class ManyTeamsWaterfallRun : IDisposable
{
    public WarehouseRun Run { get; } = new();

    public ManyTeamsWaterfallRun()
    {
        DemoGenerator.Generate(new DemoOptions(Run.Input, Deals: 2400, Seed: 11, AsOf: new DateOnly(2026, 11, 30), Reps: 840));
        Run.Run("2026-11-30");
    }

    public void Dispose() => Run.Dispose();
}

/// <summary>
/// marts.pipeline_waterfall_deals lists every deal behind the current month and quarter, and the 50
/// largest behind each movement of a past period; marts.pipeline_waterfall counts them all.
/// </summary>
public sealed class WaterfallDealsTests(DemoWaterfallRun demo) : IClassFixture<DemoWaterfallRun>
{
    private List<(string Period, long Deals, long Listed, long MaxRank)> Movements() => WaterfallListings.Movements(demo.Run);

    [Fact]
    public void PastPeriods_KeepThe50LargestOfEachMovement_TheFiguresCountEveryDeal()
    {
        var past = Movements().Where(m => m.Period == "past").ToList();

        past.Should().Contain(m => m.Deals > 50, "some past movement has more deals than are listed");
        past.Should().OnlyContain(m => m.Listed == Math.Min(m.Deals, 50) && m.MaxRank == m.Listed);
        // That they are the largest is the data test pipeline_waterfall_deals__past_keeps_largest, which the run passed.
    }

    [Fact]
    public void CurrentPeriods_ListEveryDeal()
    {
        var current = Movements().Where(m => m.Period == "current").ToList();

        current.Should().Contain(m => m.Deals > 50);
        current.Should().OnlyContain(m => m.Listed == m.Deals && m.MaxRank == m.Deals);
    }
}

/// <summary>The same listing with more than 100 teams, whose ranks come from a sort instead of a top-n state.</summary>
public sealed class ManyTeamsWaterfallDealsTests(ManyTeamsWaterfallRun many) : IClassFixture<ManyTeamsWaterfallRun>
{
    [Fact]
    public void EveryTeam_KeepsThe50LargestOfAPastMovement_AndListsEveryCurrentDeal()
    {
        many.Run.Scalar<long>("select count(distinct team) from core.dim_rep").Should().BeGreaterThan(100);
        var teams = WaterfallListings.Movements(many.Run, "team");

        teams.Should().Contain(m => m.Period == "past" && m.Deals > 0);
        teams.Where(m => m.Period == "past").Should().OnlyContain(m => m.Listed == Math.Min(m.Deals, 50) && m.MaxRank == m.Listed);
        teams.Where(m => m.Period == "current").Should().OnlyContain(m => m.Listed == m.Deals && m.MaxRank == m.Deals);
        // That they are the largest is the data test pipeline_waterfall_deals__past_keeps_largest, which the run passed.
    }
}

internal static class WaterfallListings
{
    /// <summary>Each movement's count of deals (marts.pipeline_waterfall) against its listed deals.</summary>
    public static List<(string Period, long Deals, long Listed, long MaxRank)> Movements(WarehouseRun run, string? scopeType = null) => run.Rows("""
        select waterfall.period, waterfall.deals, count(listed.deal_id), coalesce(max(listed.rank), 0)
        from marts.pipeline_waterfall as waterfall
        left join marts.pipeline_waterfall_deals as listed using (period_type, period_start, scope_type, scope, movement)
        where $scope_type is null or waterfall.scope_type = $scope_type
        group by waterfall.period_type, waterfall.period_start, waterfall.scope_type, waterfall.scope, waterfall.movement, waterfall.period, waterfall.deals
        """, ("scope_type", scopeType)).Select(r => ((string)r[0]!, (long)r[1]!, (long)r[2]!, Convert.ToInt64(r[3]!))).ToList();
}
