using DuckDB.NET.Data;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Forecast;

/// <summary>
/// The demo exports of 2,000 deals as of 2026-11-30, loaded whole (the backtest) and, per origin,
/// cut at it: deals created and history rows entered at or after the origin removed.
/// </summary>
public sealed class CutAtOriginRun : IDisposable
{
    public WarehouseRun Full { get; } = new();

    public CutAtOriginRun()
    {
        DemoGenerator.Generate(new DemoOptions(Full.Input, Deals: 2000, Seed: 5, AsOf: new DateOnly(2026, 11, 30)));
        Full.Run("2026-11-30");
    }

    /// <summary>A run as of the day before the origin on the exports cut at the origin.</summary>
    public WarehouseRun Cut(DateOnly origin)
    {
        var cut = new WarehouseRun();
        Directory.CreateDirectory(cut.Input);
        var instant = origin.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00+00";
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            Sql.Execute(connection, "set TimeZone = 'UTC'");
            void Copy(string file, string? filter)
            {
                // The test's own paths and a constant instant; the exports' text is never spliced.
                var source = Path.Combine(Full.Input, file).Replace("'", "''");
                var target = Path.Combine(cut.Input, file).Replace("'", "''");
                Sql.Execute(connection,
                    $"copy (select * from read_csv('{source}', all_varchar = true, header = true){(filter is null ? "" : $" where {filter}")}) to '{target}' (header, delimiter ',')");
            }

            Copy("deals.csv", $"cast(created_at as timestamptz) < timestamptz '{instant}'");
            Copy("stage_history.csv", $"cast(entered_at as timestamptz) < timestamptz '{instant}'");
            Copy("reps.csv", null);
            Copy("quotas.csv", null);
        }

        cut.Run(origin.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), allowShrink: true);
        return cut;
    }

    public void Dispose() => Full.Dispose();
}

public sealed class CutAtOriginTests(CutAtOriginRun run) : IClassFixture<CutAtOriginRun>
{
    private const string Figures = """
        cast(won_to_date as double), cast(expected_additional as double), cast(forecast_total as double),
        cast(low as double), cast(high as double), cast(baseline_weighted_pipeline as double), cast(baseline_run_rate as double)
        """;

    [Theory]
    [InlineData("2026-10-01", "month", "2026-10-01")] // day 1: the next month of a run as of 09-30
    [InlineData("2026-09-15", "month", "2026-09-01")] // day 15: the current month
    [InlineData("2026-07-31", "quarter", "2026-07-01")] // day 31 of Q3: the current quarter
    [InlineData("2026-07-01", "quarter", "2026-07-01")] // day 1: the next quarter of a run as of 06-30
    public void Forecast_RunOnExportsCutAtOrigin_EqualsBacktestRow(string origin, string periodType, string periodStart)
    {
        var asOf = DateOnly.Parse(origin, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1);
        var backtest = run.Full.Rows($"""
            select won_to_date, expected_additional, forecast_total, low, high, baseline_weighted_pipeline, baseline_run_rate
            from marts.forecast_backtest
            where period_type = $type and period_start = cast($start as date) and as_of = cast($as_of as date)
            """, ("type", periodType), ("start", periodStart), ("as_of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        backtest.Should().ContainSingle("the backtest has an origin on {0}", origin);
        backtest[0][2].Should().NotBeNull("the origin has history to learn from");

        using var cut = run.Cut(DateOnly.Parse(origin, System.Globalization.CultureInfo.InvariantCulture));
        var forecast = cut.Rows("""
            select won_to_date, expected_additional, forecast_total, low, high, baseline_weighted_pipeline, baseline_run_rate
            from marts.forecast
            where scope = 'company' and scope_type = 'company' and period_type = $type and period_start = cast($start as date)
            """, ("type", periodType), ("start", periodStart));
        forecast.Should().ContainSingle();
        forecast[0].Should().Equal(backtest[0], "a run as of {0} on the exports cut at {1} computes the backtest's row", asOf, origin);
    }
}
