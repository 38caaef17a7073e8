using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

/// <summary>The "Deals that matter" sheet: the rep's open deals that bring most to this month and this quarter (marts.forecast_deals), most expected first.</summary>
internal sealed partial class RepWorkbook
{
    public static readonly string[] DealsThatMatterColumns =
        ["Rank", "Deal ID", "Deal", "Stage", "Amount", "Expected close", "Chance to close in the period", "Expected amount", "Overdue"];

    public const string OverdueFlag = "Overdue";

    // Read when the workbook is made, before any sheet is written.
    private readonly IReadOnlyList<ForecastDealRow> _forecastDeals = set.ForecastDeals(rep.RepId);

    private void WriteDealsThatMatter(SheetWriter sheet)
    {
        sheet.Title($"Deals that matter: {Who}",
            $"Your open deals that bring most to this month and this quarter: each deal's chance of being won before the period ends, learned from the deals open at the same moment in the 24 months before, "
            + $"and its expected amount (amount x chance); at most {ReportSet.DealsThatMatterLimit} a period, the largest expected amount first. As of {AsOfText}.");
        sheet.Sheet.SheetView.FreezeRows(3);
        var row = 4;
        var month = set.Forecast(Scope, "month");
        var quarter = set.Forecast(Scope, "quarter");
        // In a quarter's last month both periods end on the same day, so each deal's chance and expected amount are the same: one list.
        if (month is { HasEnded: true })
        {
            // Nothing is left to win in a month that ended with the as-of date: only the quarter's list.
            sheet.Text(row++, 1, Need(month), measure: false).Style.Font.Bold = true;
            row++;
            month = null;
        }
        var sections = month is null
            ? new[] { (Type: "quarter", Label: "This quarter", Forecasts: new ForecastRow?[] { quarter }) }
            : quarter is not null && month.PeriodEnd == quarter.PeriodEnd
            ? new[] { (Type: "quarter", Label: $"This month and this quarter ({HealthFormat.Period("month", month.PeriodStart)} and {HealthFormat.Period("quarter", quarter.PeriodStart)} both end on {WorkbookWords.Date(quarter.PeriodEnd.AddDays(-1))})", Forecasts: new ForecastRow?[] { month, quarter }) }
            : new[] { (Type: "month", Label: "This month", Forecasts: new[] { month }), (Type: "quarter", Label: "This quarter", Forecasts: new[] { quarter }) };
        foreach (var (type, label, forecasts) in sections)
        {
            var deals = _forecastDeals.Where(deal => deal.PeriodType == type).OrderBy(deal => deal.RankInRep).ThenBy(deal => deal.DealId, StringComparer.Ordinal).ToList();
            var only = forecasts.Length == 1 ? forecasts[0] : null;
            sheet.Section(row++, only is null ? label : $"{label}: {HealthFormat.Period(type, only.PeriodStart)}");
            foreach (var forecast in forecasts.OfType<ForecastRow>())
                sheet.Text(row++, 1, Need(forecast), measure: false).Style.Font.Bold = true;
            var headerRow = row++;
            sheet.Header(headerRow, 1, DealsThatMatterColumns);
            foreach (var deal in deals)
            {
                sheet.Number(row, 1, deal.RankInRep, Formats.Count);
                sheet.Text(row, 2, deal.DealId);
                sheet.Text(row, 3, deal.DealName);
                sheet.Text(row, 4, set.Labels.Stage(deal.Stage));
                sheet.Number(row, 5, deal.Amount, Formats.Currency);
                sheet.Date(row, 6, deal.ExpectedCloseDate);
                sheet.Number(row, 7, deal.WinProbability, Formats.Percent);
                sheet.Number(row, 8, deal.ExpectedAmount, Formats.Currency);
                sheet.Text(row, 9, deal.IsOverdue ? OverdueFlag : "");
                if (deal.IsOverdue)
                    sheet.Sheet.Range(row, 1, row, DealsThatMatterColumns.Length).Style.Fill.BackgroundColor = XLColor.FromHtml(Formats.OverdueFill);
                row++;
            }
            if (deals.Count == 0)
                sheet.Note(row++, "No open deals.");
            row++;
        }
        sheet.Note(row++, "Overdue (highlighted): the deal reached opportunity and its expected close date has already passed: update the date or close it. A deal expected to close after the period can still bring something to it, by its chance.");
        sheet.Note(row++, $"Every open deal is on the {OpenDealsSheet} sheet.");
        sheet.Finish();
    }

    /// <summary>"December 2026: still needed $251k (quota − won to date); forecast $277k (P10 $0 – P90 $789k)." or "no quota set".</summary>
    private string Need(ForecastRow forecast)
    {
        if (forecast.HasEnded)
            return ForecastText.Sentence(forecast, currencySymbol);
        var name = HealthFormat.Period(forecast.PeriodType, forecast.PeriodStart);
        var range = forecast.HasForecast ? "forecast " + ForecastText.Range(forecast, currencySymbol) : ForecastText.NoHistory;
        return forecast.Quota is null
            ? $"{name}: {ForecastText.NoQuota}; {HealthFormat.Compact(forecast.WonToDate, currencySymbol)} won; {range}."
            : forecast.Gap is { } gap && gap > 0
                ? $"{name}: still needed {HealthFormat.Compact(gap, currencySymbol)} of {HealthFormat.Compact(forecast.Quota, currencySymbol)} quota; {range}."
                : $"{name}: quota met ({HealthFormat.Compact(forecast.WonToDate, currencySymbol)} won of {HealthFormat.Compact(forecast.Quota, currencySymbol)}); {range}.";
    }
}
