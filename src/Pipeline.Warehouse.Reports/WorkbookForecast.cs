using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The forecast in the workbooks: the sentences of <see cref="ForecastText"/> as text cells, a
/// table of a scope's forecast per period and the backtest accuracy (marts.forecast_scopes,
/// marts.forecast_accuracy). Figures are the marts', written as numbers with their formats.
/// </summary>
internal static class WorkbookForecast
{
    public const string AccuracySection = "How far to trust it (the company forecast's backtest)";

    /// <summary>The current month's and quarter's sentence in bold, then the next periods' line; returns the next free row.</summary>
    public static int Sentences(SheetWriter sheet, int row, IReadOnlyList<ForecastRow> current, IReadOnlyList<ForecastRow> next, string symbol)
    {
        foreach (var forecast in current)
            sheet.Text(row++, 1, ForecastText.Sentence(forecast, symbol), measure: false).Style.Font.Bold = true;
        if (ForecastText.Next(next, symbol) is { Length: > 0 } line)
            sheet.Text(row++, 1, line, measure: false);
        return row;
    }

    /// <summary>One column per period, one line per figure of marts.forecast_scopes; returns the next free row.</summary>
    public static int Table(SheetWriter sheet, int row, IReadOnlyList<ForecastRow> periods)
    {
        var header = row;
        sheet.Header(row++, 1, periods.Select(period => HealthFormat.Period(period.PeriodType, period.PeriodStart)).Prepend("Measure").ToArray());
        void Line(string label, Action<int, ForecastRow> write)
        {
            sheet.Text(row, 1, label);
            for (var p = 0; p < periods.Count; p++)
                write(2 + p, periods[p]);
            row++;
        }
        Line("Period", (c, f) => sheet.Text(row, c, $"{WorkbookWords.Date(f.PeriodStart)} to {WorkbookWords.Date(f.PeriodEnd.AddDays(-1))}"));
        Line("Quota", (c, f) => sheet.Number(row, c, f.Quota, Formats.Currency));
        Line("Won to date", (c, f) => sheet.Number(row, c, f.WonToDate, Formats.Currency));
        Line("Attainment (won / quota)", (c, f) => sheet.Number(row, c, f.Attainment, Formats.Percent));
        Line("Gap: still needed (quota − won to date)", (c, f) => sheet.Number(row, c, f.Gap, Formats.Currency));
        Line("Open in period", (c, f) => sheet.Number(row, c, f.OpenInPeriod, Formats.Currency));
        Line("Coverage (open in period / gap)", (c, f) => sheet.Number(row, c, f.Coverage, RepWorkbook.CoverageFormat));
        Line("Overdue open amount", (c, f) => sheet.Number(row, c, f.OverdueOpen, Formats.Currency));
        Line("Expected from open deals", (c, f) => sheet.Number(row, c, f.ExpectedFromOpen, Formats.Currency));
        Line("Expected from deals not yet created", (c, f) => sheet.Number(row, c, f.ExpectedFromNew, Formats.Currency));
        sheet.Sheet.Row(row).Style.Font.Bold = true;
        Line("Forecast (won + expected)", (c, f) => sheet.Number(row, c, f.ForecastTotal, Formats.Currency));
        Line("Forecast P10 (low)", (c, f) => sheet.Number(row, c, f.Low, Formats.Currency));
        Line("Forecast P90 (high)", (c, f) => sheet.Number(row, c, f.High, Formats.Currency));
        Line("Forecast / quota", (c, f) => sheet.Number(row, c, f.ForecastAttainment, Formats.Percent));
        Line("Short of quota at the midpoint (quota − forecast)", (c, f) => sheet.Number(row, c, f.Shortfall, Formats.Currency));
        sheet.Sheet.Range(header, 1, row - 1, 1 + periods.Count).Style.Border.OutsideBorder = XLBorderStyleValues.Medium;
        if (periods.Any(period => period.Quota is null))
            sheet.Note(row++, $"\"-\": {ForecastText.NoQuota} for the period (quota, attainment, gap, coverage and the comparison with the forecast need one).");
        if (periods.Any(period => !period.HasForecast))
            sheet.Note(row++, $"A forecast figure \"-\": {ForecastText.NoHistory}.");
        sheet.Note(row++, "Forecast: won to date plus what the open deals are expected to bring before the period ends (each by its chance of being won in time) plus what deals not yet created are expected to bring; "
            + "P10 and P90: the range it lands in 8 times out of 10. Negative \"short of quota\": the forecast is above quota.");
        return row;
    }

    /// <summary>The backtest of the company forecast against the two baselines, a sentence and one row per period type and method; returns the next free row.</summary>
    public static int Accuracy(SheetWriter sheet, int row, IReadOnlyList<AccuracyRow> rows)
    {
        sheet.Section(row++, AccuracySection);
        sheet.Text(row++, 1, ForecastText.Accuracy(rows), measure: false);
        sheet.Header(row++, 1, "Forecasts of", "Method", "Backtests", "Typical error", "Bias", "Within 10%", "In P10–P90");
        foreach (var accuracy in rows.OrderBy(r => r.PeriodType == "month" ? 0 : 1).ThenBy(r => r.Method switch { "forecast" => 0, "weighted_pipeline" => 1, _ => 2 }))
        {
            sheet.Text(row, 1, accuracy.PeriodType == "month" ? "Months" : "Quarters");
            sheet.Text(row, 2, ForecastText.Method(accuracy.Method));
            sheet.Number(row, 3, accuracy.Origins, Formats.Count);
            sheet.Number(row, 4, accuracy.Wape, Formats.Percent);
            sheet.Number(row, 5, accuracy.Bias, "+0.0%;-0.0%;0.0%");
            sheet.Number(row, 6, accuracy.Within10Pct, Formats.Percent);
            sheet.Number(row, 7, accuracy.IntervalCoverage, Formats.Percent);
            row++;
        }
        sheet.Note(row++, "Backtest: the forecast made as of days 1 and 15 of the last 12 complete months and days 1, 31 and 61 of the last 4 complete quarters, from only what was known then, against what was won. "
            + "Typical error: the misses added up / the amount won; bias: too high (+) or too low (-) in total; within 10%: the share of forecasts that close; in P10–P90: how often the amount won fell inside the range (80% would be exact).");
        return row;
    }
}
