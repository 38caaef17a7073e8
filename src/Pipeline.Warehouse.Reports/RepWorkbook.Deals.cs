using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class RepWorkbook
{
    private void WriteOpenDeals(SheetWriter sheet)
    {
        var deals = queries.Rows("rep_open_deals", ("rep_id", rep.RepId), ("as_of", data.AsOf));
        sheet.Title($"Open deals: {Who}",
            $"Every deal open at the end of {AsOfText}, latest stage first. Stalled: longer in its stage than twice the usual time; overdue: expected close before {AsOfText}. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Deal ID", "Deal", "Account", "Stage", "Days in stage", "Amount", "Expected close", "Stalled", "Overdue", "Lead type");
        var row = headerRow + 1;
        foreach (var deal in deals)
        {
            sheet.Text(row, 1, deal.Text("deal_id"));
            sheet.Text(row, 2, deal.Text("deal_name"));
            sheet.Text(row, 3, deal.Text("account_name"));
            sheet.Text(row, 4, deal.Text("current_stage"));
            sheet.Number(row, 5, deal.Double("days_in_stage"), Formats.Days);
            sheet.Number(row, 6, deal.Decimal("amount"), Formats.Currency);
            sheet.Date(row, 7, deal.Date("expected_close_date"));
            sheet.Text(row, 8, deal.Bool("is_stalled") ? "yes" : "no");
            sheet.Text(row, 9, deal.Bool("is_overdue") ? "yes" : "no");
            sheet.Text(row, 10, deal.Text("lead_type"));
            row++;
        }
        var lastRow = row - 1;
        sheet.Table(headerRow, lastRow, 10);
        if (deals.Count == 0)
        {
            sheet.Note(row, "No open deals.");
        }
        else
        {
            var rows = sheet.Sheet.Range(headerRow + 1, 1, lastRow, 10);
            rows.AddConditionalFormat().WhenIsTrue($"$I{headerRow + 1}=\"yes\"").Fill.SetBackgroundColor(XLColor.FromHtml(Formats.OverdueFill));
            rows.AddConditionalFormat().WhenIsTrue($"$H{headerRow + 1}=\"yes\"").Fill.SetBackgroundColor(XLColor.FromHtml(Formats.StalledFill));
            sheet.Note(row + 1, "Highlighted: overdue rows in red, stalled rows in yellow.");
        }
        sheet.Finish();
    }

    private void WriteClosedDeals(SheetWriter sheet)
    {
        var deals = queries.Rows("rep_closed_deals", ("rep_id", rep.RepId), ("as_of", data.AsOf));
        var from = data.Kpis[(rep.RepId, ScorecardData.Trailing12Months)].PeriodStart;
        sheet.Title($"Closed deals: {Who}",
            $"Deals won or lost from {from:yyyy-MM-dd} to the end of {AsOfText}, latest first. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Deal ID", "Deal", "Account", "Outcome", "Closed on", "Amount", "Cycle (days)", "Lead type", "Loss reason");
        var row = headerRow + 1;
        foreach (var deal in deals)
        {
            sheet.Text(row, 1, deal.Text("deal_id"));
            sheet.Text(row, 2, deal.Text("deal_name"));
            sheet.Text(row, 3, deal.Text("account_name"));
            var outcome = sheet.Text(row, 4, deal.Text("status"));
            outcome.Style.Font.FontColor = XLColor.FromHtml(deal.Text("status") == "won" ? Formats.Better : Formats.Worse);
            sheet.Date(row, 5, deal.Date("closed_on"));
            sheet.Number(row, 6, deal.Decimal("amount"), Formats.Currency);
            sheet.Number(row, 7, deal.Double("cycle_days"), Formats.Days);
            sheet.Text(row, 8, deal.Text("lead_type"));
            sheet.Text(row, 9, deal.Text("loss_reason"));
            row++;
        }
        sheet.Table(headerRow, row - 1, 9);
        if (deals.Count == 0)
            sheet.Note(row, "No deals won or lost in the last 12 months.");
        sheet.Finish();
    }
}
