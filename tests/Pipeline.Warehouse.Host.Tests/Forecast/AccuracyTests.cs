using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Forecast;

/// <summary>
/// marts.forecast_accuracy's own SQL over a hand-made marts.forecast_backtest of three month rows
/// (one without a forecast: no history to learn from, so no method is measured on it).
/// </summary>
public sealed class AccuracyTests
{
    private static List<object?[]> Accuracy()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Sql.Execute(connection, """
            create schema marts;
            create table marts.forecast_backtest (
                period_type varchar, forecast_total decimal(18, 2), low decimal(18, 2), high decimal(18, 2),
                actual_won decimal(18, 2), baseline_weighted_pipeline decimal(18, 2), baseline_run_rate decimal(18, 2));
            insert into marts.forecast_backtest values
                ('month', 110, 90, 130, 100, 150, 80),
                ('month', 175, 170, 190, 200, 200, 260),
                ('month', null, null, null, 50, 70, 40);
            """);
        var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sql", "marts", "forecast_accuracy.sql"));
        using var command = connection.CreateCommand();
        command.CommandText = $"select method, origins, wape, bias, within_10pct, interval_coverage from ({sql})";
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add([reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5)]);
        return rows;
    }

    [Fact]
    public void ForecastAccuracy_ThreeMethods_HandComputed()
    {
        var rows = Accuracy();
        rows.Select(r => (string)r[0]!).Should().Equal("forecast", "weighted_pipeline", "run_rate");
        rows.Should().AllSatisfy(r => r[1].Should().Be(2L, "the row without a forecast is measured for no method"));

        // Forecast: |110 - 100| + |175 - 200| = 35 over 300 won; bias (10 - 25) / 300; within 10%:
        // 10 <= 10 yes, 25 <= 20 no; P10-P90: 90 <= 100 <= 130 yes, 170 <= 200 <= 190 no.
        Check(rows[0], wape: 35.0 / 300, bias: -15.0 / 300, within: 0.5, coverage: 0.5);
        // Weighted pipeline: |150 - 100| + |200 - 200| = 50; bias +50; within: no, yes.
        Check(rows[1], wape: 50.0 / 300, bias: 50.0 / 300, within: 0.5, coverage: null);
        // Run rate: |80 - 100| + |260 - 200| = 80; bias (-20 + 60) = +40; within: no, no.
        Check(rows[2], wape: 80.0 / 300, bias: 40.0 / 300, within: 0.0, coverage: null);
    }

    private static void Check(object?[] row, double wape, double bias, double within, double? coverage)
    {
        ((double)row[2]!).Should().BeApproximately(wape, 1e-12);
        ((double)row[3]!).Should().BeApproximately(bias, 1e-12);
        ((double)row[4]!).Should().BeApproximately(within, 1e-12);
        if (coverage is null)
            row[5].Should().BeNull();
        else
            ((double)row[5]!).Should().BeApproximately(coverage.Value, 1e-12);
    }
}
