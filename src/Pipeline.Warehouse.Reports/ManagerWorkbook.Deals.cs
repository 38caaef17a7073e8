using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class ManagerWorkbook
{
    private void WriteStalled(SheetWriter sheet)
    {
        var deals = queries.Rows("team_stalled_deals", ("team", team), ("as_of", data.AsOf));
        sheet.Title($"Team {team}: stalled deals",
            $"Open deals longer in their stage than twice the usual time, largest first, at the end of {AsOfText}. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Deal ID", "Deal", "Account", "Rep", "Stage", "Days in stage", "Amount", "Expected close", "Overdue", "Lead type");
        var row = headerRow + 1;
        foreach (var deal in deals)
        {
            sheet.Text(row, 1, deal.Text("deal_id"));
            sheet.Text(row, 2, deal.Text("deal_name"));
            sheet.Text(row, 3, deal.Text("account_name"));
            sheet.Text(row, 4, deal.Text("rep_name"));
            sheet.Text(row, 5, deal.Text("current_stage"));
            sheet.Number(row, 6, deal.Double("days_in_stage"), Formats.Days);
            sheet.Number(row, 7, deal.Decimal("amount"), Formats.Currency);
            sheet.Date(row, 8, deal.Date("expected_close_date"));
            sheet.Text(row, 9, deal.Bool("is_overdue") ? "yes" : "no");
            sheet.Text(row, 10, deal.Text("lead_type"));
            row++;
        }
        sheet.Table(headerRow, row - 1, 10);
        if (deals.Count == 0)
            sheet.Note(row, "No stalled deals.");
        else
            sheet.Sheet.Range(headerRow + 1, 1, row - 1, 10).AddConditionalFormat().WhenIsTrue($"$I{headerRow + 1}=\"yes\"")
                .Fill.SetBackgroundColor(XLColor.FromHtml(Formats.OverdueFill));
        sheet.Finish();
    }

    private void WritePipeline(SheetWriter sheet)
    {
        var byStage = queries.Rows("team_pipeline_by_stage", ("team", team));
        var byMonth = queries.Rows("team_pipeline_by_close_month", ("team", team), ("as_of", data.AsOf));
        sheet.Title($"Team {team}: open pipeline",
            $"Deals open at the end of {AsOfText}, by current stage and by expected close month. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Stage", "Deals", "Amount", "Stalled");
        var row = headerRow + 1;
        foreach (var stage in byStage)
        {
            sheet.Text(row, 1, stage.Text("stage"));
            sheet.Number(row, 2, stage.Long("deals"), Formats.Count);
            sheet.Number(row, 3, stage.Decimal("amount"), Formats.Currency);
            sheet.Number(row, 4, stage.Long("stalled"), Formats.Count);
            row++;
        }
        if (byStage.Count == 0)
            sheet.Note(row++, "No open deals.");
        else
            sheet.Sheet.Range(headerRow + 1, 3, row - 1, 3).AddConditionalFormat().DataBar(XLColor.FromHtml("#5B9BD5")).LowestValue().HighestValue();
        sheet.Sheet.SheetView.FreezeRows(headerRow);
        sheet.Sheet.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);

        row++;
        sheet.Section(row++, "By expected close month");
        var monthHeader = row;
        sheet.Header(monthHeader, 1, "Expected close", "Deals", "Amount", "Overdue");
        row++;
        foreach (var month in byMonth)
        {
            if (month.Date("close_month") is { } start)
                sheet.Date(row, 1, start, Formats.Month);
            else
                sheet.Text(row, 1, "no expected close date");
            sheet.Number(row, 2, month.Long("deals"), Formats.Count);
            sheet.Number(row, 3, month.Decimal("amount"), Formats.Currency);
            sheet.Text(row, 4, month.Bool("is_overdue") ? "yes" : "no");
            row++;
        }
        if (byMonth.Count > 0)
        {
            var range = sheet.Sheet.Range(monthHeader + 1, 1, row - 1, 4);
            range.AddConditionalFormat().WhenIsTrue($"$D{monthHeader + 1}=\"yes\"").Fill.SetBackgroundColor(XLColor.FromHtml(Formats.OverdueFill));
        }
        sheet.Note(row + 1, "Overdue: expected to close in a month before the as-of month and still open.");
        sheet.Finish();
    }
}
