namespace Pipeline.Warehouse.Reports;

/// <summary>The Forecast sheet: the team's forecast in words and figures for this and the next month and quarter, and how far to trust it.</summary>
internal sealed partial class ManagerWorkbook
{
    private void WriteForecast(SheetWriter sheet)
    {
        var scope = ScopeKey.ForTeam(team);
        var rows = set.Forecasts[scope].OrderBy(row => row.Period == "current" ? 0 : 1).ThenBy(row => row.PeriodType == "month" ? 0 : 1).ToList();
        sheet.Title($"Team {team}: forecast",
            $"Will the team make the month and the quarter: won so far, what is still needed and the forecast (marts.forecast_scopes); each rep's on the Roster sheet. As of {AsOfText}.");
        var row = WorkbookForecast.Sentences(sheet, 4, rows.Where(r => r.Period == "current").ToList(), rows.Where(r => r.Period == "next").ToList(), currencySymbol);
        sheet.Sheet.SheetView.FreezeRows(3);
        if (rows.Count == 0)
            sheet.Note(row++, "No forecast for this team in the warehouse.");
        else
            row = WorkbookForecast.Table(sheet, row + 1, rows);
        WorkbookForecast.Accuracy(sheet, row + 1, set.Accuracy);
        sheet.Finish();
        sheet.Sheet.Column(1).Width = 48;
    }
}
