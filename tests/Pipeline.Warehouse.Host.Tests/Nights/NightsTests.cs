using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Nights;

public sealed class NightsTests(TwoNightsRun nights) : IClassFixture<TwoNightsRun>
{
    private WarehouseRun Run => nights.Warehouse;

    [Fact]
    public void Snapshots_EachNightAsItsExportGaveIt_OpenOrClosedThatDay_DeletedOnTheNightItDisappeared()
    {
        Run.Snapshots().Should().Equal(
            "2026-10-14 D1 R1 negotiation open 1000.00 2026-10-20",
            "2026-10-14 D2 R2 lead open 2000.00 2026-12-15",
            "2026-10-14 D3 R3 demo open 3000.00 2026-12-20",
            "2026-10-14 D4 R1 closed_won won 4000.00 2026-10-14",
            "2026-11-29 D1 R1 negotiation open 5000.00 2026-10-20",
            "2026-11-29 D2 R2 demo open 2000.00 2026-12-15",
            "2026-11-29 D3 R3 demo deleted 3000.00 2026-12-20",
            "2026-11-29 D5 R3 lead open 500.00 2026-12-31");
    }

    [Fact]
    public void Snapshots_TheFirstNightIsNotRewrittenByTheSecond()
    {
        Run.Snapshots().Where(s => s.StartsWith(TwoNights.Night1, StringComparison.Ordinal)).Should().Equal(nights.Night1Snapshots);
    }

    [Fact]
    public void DeletedDeal_KeptWithTheDateItDisappeared_AndInNoFigureOfTonight()
    {
        Run.Rows("select deal_id, strftime(deleted_on, '%Y-%m-%d'), rep_id, stage, cast(amount as varchar) from core.deleted_deal")
            .Select(r => string.Join(' ', r)).Should().Equal("D3 2026-11-29 R3 demo 3000.00");
        Run.Scalar<long>("select count(*) from core.fact_deal where deal_id = 'D3'").Should().Be(0);
        Run.Scalar<long>("select count(*) from marts.open_deals where deal_id = 'D3'").Should().Be(0);
    }

    [Fact]
    public void DealWithoutHistory_StageChangeBetweenNights_IsAnInferredEntryAtTheStartOfThatNight()
    {
        Run.Rows("select stage, strftime(entered_at, '%Y-%m-%d %H:%M'), is_synthesized, is_inferred from core.fact_stage_transition where deal_id = 'D2' order by seq")
            .Select(r => string.Join(' ', r)).Should().Equal(
                "lead 2026-10-01 00:00 True False",
                "demo 2026-11-29 00:00 False True");
        Run.Scalar<long>("select count(*) from core.fact_stage_transition where is_inferred and deal_id <> 'D2'").Should().Be(0);
    }

    [Fact]
    public void RepHistory_ATeamChangeOpensAVersionFromThatNight_ThePastKeepsTheOldTeam()
    {
        Run.RepVersions().Should().Equal(
            "R1 East 2026-09-01 00:00 - True",
            "R2 East 2026-10-01 00:00 2026-11-29 False",
            "R2 West 2026-11-29 00:00 - True",
            "R3 West 2026-10-02 00:00 - True");
    }

    [Fact]
    public void KnownThen_ABacktestOriginAfterTheFirstNight_PricesD1AtTheAmountThatNightKnew()
    {
        // The origin 2026-10-15 (the October month forecast) follows night 1, whose export said
        // 1,000 for D1; the second night's export says 5,000. Without night 1 the origin can only
        // use the later export's amount.
        using var single = new WarehouseRun();
        single.WriteNight2().Run(TwoNights.Night2, configJson: TwoNights.Config);
        const string baseline = "select baseline_weighted_pipeline from marts.forecast_backtest where period_type = 'month' and period_start = date '2026-10-01' and as_of = date '2026-10-14'";
        var remembered = Run.Scalar<decimal>(baseline);
        var exportOnly = single.Scalar<decimal>(baseline);
        (exportOnly - remembered).Should().Be(0.5m * (5000 - 1000));
    }
}

/// <summary>Runs that change the two nights' warehouse: each test has its own.</summary>
public sealed class NightReplayTests
{
    [Fact]
    public void SameNightTwice_ReplacesOnlyThatNight_AndChangesNothing()
    {
        using var nights = new TwoNightsRun();
        var snapshots = nights.Warehouse.Snapshots();
        var reps = nights.Warehouse.RepVersions();
        nights.Warehouse.Run(TwoNights.Night2, configJson: TwoNights.Config);
        nights.Warehouse.Snapshots().Should().Equal(snapshots);
        nights.Warehouse.RepVersions().Should().Equal(reps);
    }

    [Fact]
    public void OlderNight_IsRefusedWithoutReplay_WarehouseUnchanged_AndReplayRebuildsThatNightOnly()
    {
        using var nights = new TwoNightsRun();
        var snapshots = nights.Warehouse.Snapshots();
        nights.Warehouse.Connection.Close();
        var before = File.ReadAllBytes(nights.Warehouse.Warehouse);

        nights.Warehouse.WriteNight1();
        var refused = () => nights.Warehouse.Run(TwoNights.Night1, configJson: TwoNights.Config);
        refused.Should().Throw<InputException>().WithMessage("*remembers the nights up to 2026-11-29*2026-10-14*--replay*");
        File.ReadAllBytes(nights.Warehouse.Warehouse).Should().Equal(before);

        nights.Warehouse.Run(TwoNights.Night1, configJson: TwoNights.Config, replay: true);
        nights.Warehouse.Snapshots().Should().Equal(snapshots);
    }
}
