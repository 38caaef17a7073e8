using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class RepWorkbook
{
    // Read when the workbook is made, before any sheet is written.
    private readonly IReadOnlyList<OpenDealRow> _openDeals = set.OpenDeals(repId: rep.RepId);
    private readonly IReadOnlyList<ClosedDealRow> _closedDeals = set.ClosedDeals(rep.RepId);

    private void WriteOpenDeals(SheetWriter sheet)
    {
        var deals = _openDeals;
        sheet.Title($"Open deals: {Who}",
            $"Every deal open at the end of {AsOfText}, largest first. Stalled: longer in its stage than twice the usual time; overdue: reached opportunity and expected to close before {AsOfText}. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Deal ID", "Deal", "Account", "Stage", "Days in stage", "Amount", "Expected close", "Stalled", "Overdue", "Lead type");
        var row = headerRow + 1;
        foreach (var deal in deals)
        {
            sheet.Text(row, 1, deal.DealId);
            sheet.Text(row, 2, deal.DealName);
            sheet.Text(row, 3, deal.AccountName);
            sheet.Text(row, 4, set.Labels.Stage(deal.Stage));
            sheet.Number(row, 5, deal.DaysInStage, Formats.Days);
            sheet.Number(row, 6, deal.Amount, Formats.Currency);
            sheet.Date(row, 7, deal.ExpectedCloseDate);
            sheet.Text(row, 8, deal.IsStalled ? "yes" : "no");
            sheet.Text(row, 9, deal.IsOverdue ? "yes" : "no");
            sheet.Text(row, 10, set.Labels.LeadType(deal.LeadType));
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
        var deals = _closedDeals;
        var from = set.Periods[Scope].FirstOrDefault(period => period.Period == WorkbookWords.Trailing12Months)?.PeriodStart;
        sheet.Title($"Closed deals: {Who}",
            $"Deals won or lost {(from is { } start ? $"from {WorkbookWords.Date(start)} " : "in the 12 months ")}to the end of {AsOfText}, latest first. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Deal ID", "Deal", "Account", "Outcome", "Closed on", "Amount", "Cycle (days)", "Lead type", "Loss reason");
        var row = headerRow + 1;
        foreach (var deal in deals)
        {
            var won = deal.Status == "won";
            sheet.Text(row, 1, deal.DealId);
            sheet.Text(row, 2, deal.DealName);
            sheet.Text(row, 3, deal.AccountName);
            var outcome = sheet.Text(row, 4, set.Labels.Stage(won ? "closed_won" : "closed_lost"));
            outcome.Style.Font.FontColor = XLColor.FromHtml(won ? Formats.Better : Formats.Worse);
            sheet.Date(row, 5, deal.ClosedOn);
            sheet.Number(row, 6, deal.Amount, Formats.Currency);
            sheet.Number(row, 7, deal.CycleDays, Formats.Days);
            sheet.Text(row, 8, set.Labels.LeadType(deal.LeadType));
            sheet.Text(row, 9, deal.LossReason);
            row++;
        }
        sheet.Table(headerRow, row - 1, 9);
        if (deals.Count == 0)
            sheet.Note(row, "No deals won or lost in the last 12 months.");
        sheet.Finish();
    }
}
