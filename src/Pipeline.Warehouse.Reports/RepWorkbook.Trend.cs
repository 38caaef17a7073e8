using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class RepWorkbook
{
    public static readonly string[] TrendColumns =
        ["Month", "Won deals", "Lost deals", "Won amount", "Win rate", "New pipeline (deals)", "New pipeline (amount)", "Open deals at the cut", "Open amount at the cut"];

    /// <summary>marts.scope_monthly, the rep's rows: the 12 complete months before T and the month to date.</summary>
    private void WriteTrend(SheetWriter sheet)
    {
        var months = set.Months[Scope].OrderBy(month => month.Month).ToList();
        sheet.Title($"Trend: {Who}",
            $"Monthly outcomes, new pipeline and open pipeline, for the 12 complete months to {AsOfText} and the month to date. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, TrendColumns);
        var row = headerRow + 1;
        foreach (var month in months)
        {
            sheet.Date(row, 1, month.Month, Formats.Month);
            sheet.Number(row, 2, month.Won, Formats.Count);
            sheet.Number(row, 3, month.Lost, Formats.Count);
            sheet.Number(row, 4, month.AmountWon, Formats.Currency);
            sheet.Number(row, 5, month.WinRate, Formats.Percent);
            sheet.Number(row, 6, month.NewPipelineDeals, Formats.Count);
            sheet.Number(row, 7, month.NewPipelineAmount, Formats.Currency);
            sheet.Number(row, 8, month.OpenDealsAtCut, Formats.Count);
            sheet.Number(row, 9, month.OpenAmountAtCut, Formats.Currency);
            if (!month.IsComplete)
                sheet.Sheet.Range(row, 1, row, TrendColumns.Length).Style.Font.Italic = true;
            row++;
        }
        var lastRow = row - 1;
        sheet.Table(headerRow, lastRow, TrendColumns.Length);
        if (lastRow > headerRow)
        {
            sheet.Sheet.Range(headerRow + 1, 4, lastRow, 4).AddConditionalFormat().DataBar(XLColor.FromHtml("#5B9BD5")).LowestValue().HighestValue();
            sheet.Sheet.Range(headerRow + 1, 5, lastRow, 5).AddConditionalFormat().DataBar(XLColor.FromHtml("#70AD47")).LowestValue().HighestValue();
        }
        row++;
        if (months.Any(month => !month.IsComplete))
            sheet.Note(row++, $"In italics: the month to date, up to the end of {AsOfText}.");
        sheet.Note(row++, "Win rate: won / closed in the month (\"-\": none closed). New pipeline: deals that first reached opportunity or a later stage in the month. Open at the cut: deals open at the month's end (the as-of date for the month to date).");
        if (!set.Labels.UsesOpportunity)
            sheet.Note(row++, "No open stage of this pipeline is at opportunity or later, so new pipeline counts only the deals won in the month (a win counts as reaching every stage).");
        sheet.Finish();
    }
}
