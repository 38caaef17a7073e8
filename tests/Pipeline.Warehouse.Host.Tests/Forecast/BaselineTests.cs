using Pipeline.Warehouse.Host.Tests.Marts;

namespace Pipeline.Warehouse.Host.Tests.Forecast;

/// <summary>
/// The forecast's baselines (METRICS.md section 8) on the deals of <see cref="AttainmentRun"/>
/// (as of 2026-11-15, T = 2026-11-16; the first deal created 2026-09-01): too little history to
/// learn from (no training window ends 90 days after the first deal), so no forecast, but both
/// baselines, exactly as defined. Default probabilities: opportunity 0.2, negotiation 0.9.
/// </summary>
public sealed class BaselineTests(AttainmentRun run) : IClassFixture<AttainmentRun>
{
    private (decimal Won, decimal? Forecast, decimal Weighted, decimal RunRate, long Windows) Row(string periodType, string period, string scopeType, string scope)
    {
        var r = run.Rows("""
            select won_to_date, forecast_total, baseline_weighted_pipeline, baseline_run_rate, training_windows
            from marts.forecast_scopes
            where period_type = $type and period = $period and scope_type = $scope_type and scope = $scope
            """, ("type", periodType), ("period", period), ("scope_type", scopeType), ("scope", scope)).Single();
        return (MartsRun.Decimal(r[0]), r[1] is null ? null : MartsRun.Decimal(r[1]), MartsRun.Decimal(r[2]), MartsRun.Decimal(r[3]), MartsRun.Long(r[4]));
    }

    [Fact]
    public void Forecast_TooLittleHistory_IsNullButBaselinesAreThere()
    {
        var row = Row("month", "current", "company", "company");
        row.Windows.Should().Be(0);
        row.Forecast.Should().BeNull();
        run.Rows("select count(*) from marts.forecast_backtest where forecast_total is not null").Single()[0].Should().Be(0L);
    }

    [Fact]
    public void WeightedPipeline_R1_HandComputed()
    {
        // November: won 1000 + A_OPEN_NOV 2000 * 0.2 + A_OPEN_ASOF 300 * 0.2 (A_EARLY never reached opportunity).
        Row("month", "current", "rep", "R1").Weighted.Should().Be(1460m);
        // Q4: won 1500 + 400 + 60 + A_OPEN_DEC 5000 * 0.9.
        Row("quarter", "current", "rep", "R1").Weighted.Should().Be(6460m);
        // December: A_OPEN_DEC 4500; Q1 2027: A_OPEN_JAN 800 * 0.2.
        Row("month", "next", "rep", "R1").Weighted.Should().Be(4500m);
        Row("quarter", "next", "rep", "R1").Weighted.Should().Be(160m);
        // The company adds R2's 1050 won (B_OPEN has no amount: nothing).
        Row("month", "current", "company", "company").Weighted.Should().Be(2510m);
    }

    [Fact]
    public void RunRate_R1_HandComputed()
    {
        // November: the 3 months ending at or before min(T, 11-01): Aug-Oct, R1 won 700 + 500 = 1200,
        // mean 400; [11-16, 12-01) is 15 of November's 30 days: 1000 + 200.
        Row("month", "current", "rep", "R1").RunRate.Should().Be(1200m);
        // December: months ending at or before min(T, 12-01) = T: still Aug-Oct; all 31 days remain.
        Row("month", "next", "rep", "R1").RunRate.Should().Be(400m);
        // Q4: the 3 quarters ending at or before 10-01 (Q1-Q3): 700 / 3; 46 of Q4's 92 days remain.
        Row("quarter", "current", "rep", "R1").RunRate.Should().Be(1500m + 116.67m);
        // Q1 2027: quarters ending at or before T: Q1-Q3 again, the whole quarter remains.
        Row("quarter", "next", "rep", "R1").RunRate.Should().Be(233.33m);
        // The company: R2 won nothing before November: the same 1200 / 3 * 0.5 on 2050 won.
        Row("month", "current", "company", "company").RunRate.Should().Be(2250m);
    }
}

public sealed class StageProbabilityConfigTests
{
    private static readonly string Deals =
        MartsRun.DealLine("WON", "2026-11-01T00:00:00Z", "closed_won", new Grain(Amount: "100"))
        + MartsRun.DealLine("NEG", "2026-11-01T00:00:00Z", "negotiation", new Grain(Amount: "1000", ExpectedClose: "2026-11-20"));

    private static readonly string History =
        MartsRun.HistoryLine("WON", "lead", "2026-11-01T00:00:00Z") + MartsRun.HistoryLine("WON", "closed_won", "2026-11-05T00:00:00Z")
        + MartsRun.HistoryLine("NEG", "lead", "2026-11-01T00:00:00Z") + MartsRun.HistoryLine("NEG", "opportunity", "2026-11-02T00:00:00Z")
        + MartsRun.HistoryLine("NEG", "negotiation", "2026-11-03T00:00:00Z");

    [Fact]
    public void WeightedPipeline_ConfiguredProbability_ReplacesTheDefault()
    {
        using var run = new Fixtures.WarehouseRun()
            .WithFile("reps.csv", Fixtures.WarehouseRun.Reps)
            .WithFile("deals.csv", Fixtures.WarehouseRun.DealsHeader + Deals)
            .WithFile("stage_history.csv", Fixtures.WarehouseRun.HistoryHeader + History);
        run.Run("2026-11-15", configJson: """{ "stageProbabilities": { "Negotiation": 0.5 } }""");
        run.Scalar<decimal>("select baseline_weighted_pipeline from marts.forecast where scope = 'company' and period_type = 'month' and period = 'current'")
            .Should().Be(100m + 500m);
    }

    [Theory]
    [InlineData("""{ "stageProbabilities": { "negotiation": 1.5 } }""", "stageProbabilities.negotiation is 1.5")]
    [InlineData("""{ "stageProbabilities": { "closed_won": 1 } }""", "not an open canonical stage")]
    public void Config_BadStageProbability_IsRefusedWithReason(string config, string expected)
    {
        using var run = new Fixtures.WarehouseRun()
            .WithFile("reps.csv", Fixtures.WarehouseRun.Reps)
            .WithFile("deals.csv", Fixtures.WarehouseRun.DealsHeader + Deals)
            .WithFile("stage_history.csv", Fixtures.WarehouseRun.HistoryHeader + History);
        var act = () => run.Run("2026-11-15", configJson: config);
        act.Should().Throw<Pipeline.Warehouse.Ingest.InputException>().WithMessage($"*{expected}*");
    }
}
