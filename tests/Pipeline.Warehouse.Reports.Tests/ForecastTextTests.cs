namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>The forecast sentence's forms, on rows made by hand (marts.forecast_scopes' columns).</summary>
public sealed class ForecastTextTests
{
    private static readonly DateOnly Q4 = new(2026, 10, 1);

    private static ForecastRow Row(decimal won, decimal? quota, decimal? forecast, decimal? low, decimal? high, double? coverage, decimal overdue, long windows = 20) => new(
        new DateOnly(2026, 11, 15), ScopeKey.Company, "quarter", "current", Q4, Q4.AddMonths(3), won,
        ExpectedFromOpen: forecast - won, ExpectedFromNew: 0, ExpectedAdditional: forecast - won, ForecastTotal: forecast, Low: low, High: high,
        Quota: quota, Attainment: quota is null ? null : (double)(won / quota), ForecastAttainment: quota is null || forecast is null ? null : (double)(forecast / quota),
        Shortfall: quota - forecast, Gap: quota - won, OpenInPeriod: 0, OverdueOpen: overdue, Coverage: coverage, TrainingWindows: windows);

    [Fact]
    public void Sentence_ShortOfQuota_SaysHowFarShortAtTheMidpoint()
    {
        // $11.7M of $17.3M is 68%; $17.3M - $15.9M = $1.4M short; $17.3M - $11.7M = $5.6M still to win.
        var text = ForecastText.Sentence(Row(11_700_000, 17_300_000, 15_900_000, 14_800_000, 17_000_000, 3.1, 7_400_000), "$");
        text.Should().Be("Q4 2026: $11.7M won of $17.3M quota (68%), $5.6M still to win; forecast $15.9M (P10 $14.8M – P90 $17.0M), $1.4M short of quota at the midpoint; coverage of the gap 3.1x, $7.4M overdue.");
    }

    [Fact]
    public void Sentence_ExportWithForecastCategories_AddsTheCrmsCommitAndBestCase()
    {
        var row = Row(11_700_000, 17_300_000, 15_900_000, 14_800_000, 17_000_000, 3.1, 7_400_000) with { CommitRollup = 15_400_000, BestCaseRollup = 18_900_000 };
        ForecastText.Sentence(row, "$").Should().Be(
            "Q4 2026: $11.7M won of $17.3M quota (68%), $5.6M still to win; forecast $15.9M (P10 $14.8M – P90 $17.0M), $1.4M short of quota at the midpoint; "
            + "the CRM's Commit $15.4M, Best Case $18.9M; coverage of the gap 3.1x, $7.4M overdue.");
    }

    [Fact]
    public void Sentence_ForecastAboveQuota_SaysAboveQuota()
    {
        // $17.9M forecast against $17.3M quota: $0.6M above.
        var text = ForecastText.Sentence(Row(11_700_000, 17_300_000, 17_900_000, 16_000_000, 19_000_000, 1.2, 0), "$");
        text.Should().Contain("forecast $17.9M (P10 $16.0M – P90 $19.0M), $600k above quota at the midpoint;").And.EndWith("nothing overdue.");
    }

    [Fact]
    public void Sentence_NoQuota_ForecastWithoutAttainment()
    {
        var text = ForecastText.Sentence(Row(0, null, 14_900_000, 12_500_000, 17_200_000, null, 0), "$");
        text.Should().Be("Q4 2026: no quota set for Q4 2026; $0 won, forecast $14.9M (P10 $12.5M – P90 $17.2M); nothing overdue.");
    }

    [Fact]
    public void Sentence_NoHistory_SaysSoInWords()
    {
        var text = ForecastText.Sentence(Row(2_000_000, 5_000_000, null, null, null, 0.5, 0, windows: 0), "$");
        text.Should().Be("Q4 2026: $2.0M won of $5.0M quota (40%), $3.0M still to win; no forecast: too little history of won deals to learn from; coverage of the gap 0.5x, nothing overdue.");
    }

    [Fact]
    public void Sentence_PeriodEndedWithTheAsOfDate_NoForecastLeft()
    {
        // As of 2026-12-31 the quarter ends at T: what was won is final.
        var row = Row(16_000_000, 17_300_000, 16_000_000, 16_000_000, 16_000_000, null, 0) with { AsOf = new DateOnly(2026, 12, 31) };
        ForecastText.Sentence(row, "$").Should().Be("Q4 2026 (ended): $16.0M won of $17.3M quota (92%), $1.3M short; nothing overdue.");
    }

    [Fact]
    public void Accuracy_NoBacktest_SaysSo() =>
        ForecastText.Accuracy([]).Should().Contain("no forecast to measure");

    [Fact]
    public void KnownThen_OriginsBeforeTheFirstNight_SaysTheirValuesWereKnownLater()
    {
        ForecastText.KnownThen(16, new DateOnly(2026, 11, 30)).Should().Be(
            "16 backtest origins came before 2026-11-30, the first night the warehouse remembers: their deals are priced with amounts and close dates known later.");
        ForecastText.KnownThen(0, new DateOnly(2026, 11, 1)).Should().BeEmpty();
    }
}
