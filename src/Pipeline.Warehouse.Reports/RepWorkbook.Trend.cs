using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class RepWorkbook
{
    private void WriteTrend(SheetWriter sheet)
    {
        var outcomes = queries.Rows("rep_trend_outcomes", ("rep_id", rep.RepId), ("as_of", data.AsOf));
        var flow = queries.Rows("rep_trend_funnel", ("rep_id", rep.RepId), ("as_of", data.AsOf))
            .ToDictionary(row => (row.Date("month")!.Value, (int)row.Long("stage_order")));
        sheet.Title($"Trend: {Who}",
            $"Monthly won amount, win rate and stage conversions, for the 12 months to {AsOfText} (the last month to date). As of {AsOfText}.");
        const int headerRow = 4;
        var labels = new List<string> { "Month", "Won deals", "Lost deals", "Won amount", "Win rate" };
        labels.AddRange(data.Steps.Converting.Select(data.Steps.StepLabel));
        sheet.Header(headerRow, 1, [.. labels]);
        var row = headerRow + 1;
        foreach (var month in outcomes)
        {
            var start = month.Date("month")!.Value;
            sheet.Date(row, 1, start, Formats.Month);
            sheet.Number(row, 2, month.Long("won"), Formats.Count);
            sheet.Number(row, 3, month.Long("lost"), Formats.Count);
            sheet.Number(row, 4, month.Decimal("amount_won"), Formats.Currency);
            sheet.Number(row, 5, month.Double("win_rate"), Formats.Percent);
            foreach (var (order, step) in data.Steps.Converting.Select((order, step) => (order, step)))
            {
                double? conversion = flow.TryGetValue((start, order), out var count) && count.Long("exited") > 0
                    ? (double)count.Long("advanced") / count.Long("exited")
                    : null;
                sheet.Number(row, 6 + step, conversion, Formats.Percent);
            }
            row++;
        }
        var lastRow = row - 1;
        sheet.Table(headerRow, lastRow, labels.Count);
        if (lastRow > headerRow)
        {
            sheet.Sheet.Range(headerRow + 1, 4, lastRow, 4).AddConditionalFormat().DataBar(XLColor.FromHtml("#5B9BD5")).LowestValue().HighestValue();
            sheet.Sheet.Range(headerRow + 1, 5, lastRow, 5).AddConditionalFormat().DataBar(XLColor.FromHtml("#70AD47")).LowestValue().HighestValue();
            sheet.Sheet.Range(headerRow + 1, 6, lastRow, 5 + data.Steps.Converting.Count).AddConditionalFormat().DataBar(XLColor.FromHtml("#A5A5A5")).LowestValue().HighestValue();
        }
        sheet.Note(row + 1, "Win rate: won / closed in the month; stage conversion: advanced / exited of the exits in the month; \"-\": none in the month.");
        sheet.Finish();
        foreach (var column in Enumerable.Range(6, data.Steps.Converting.Count))
            sheet.Sheet.Column(column).Width = 14;
    }
}
