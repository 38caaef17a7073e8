using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class ManagerWorkbook
{
    // Read when the workbook is made, before any sheet is written.
    private readonly IReadOnlyList<OpenDealRow> _stalledDeals = set.OpenDeals(team: team, stalledOnly: true);

    private void WriteStalled(SheetWriter sheet)
    {
        var deals = _stalledDeals;
        sheet.Title($"Team {team}: stalled deals",
            $"Open deals longer in their stage than twice the usual time, largest first, at the end of {AsOfText}. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Deal ID", "Deal", "Account", "Rep", "Stage", "Days in stage", "Amount", "Expected close", "Overdue", "Lead type");
        var row = headerRow + 1;
        foreach (var deal in deals)
        {
            sheet.Text(row, 1, deal.DealId);
            sheet.Text(row, 2, deal.DealName);
            sheet.Text(row, 3, deal.AccountName);
            sheet.Text(row, 4, deal.RepName);
            sheet.Text(row, 5, set.Labels.Stage(deal.Stage));
            sheet.Number(row, 6, deal.DaysInStage, Formats.Days);
            sheet.Number(row, 7, deal.Amount, Formats.Currency);
            sheet.Date(row, 8, deal.ExpectedCloseDate);
            sheet.Text(row, 9, deal.IsOverdue ? "yes" : "no");
            sheet.Text(row, 10, set.Labels.LeadType(deal.LeadType));
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
        var scope = ScopeKey.ForTeam(team);
        var byStage = set.PipelineByStage[scope].ToList();
        var byMonth = set.PipelineByMonth[scope].ToList();
        sheet.Title($"Team {team}: open pipeline",
            $"Deals open at the end of {AsOfText}, by current stage and by expected close month. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Stage", "Deals", "Amount", "Stalled", "Overdue");
        var row = headerRow + 1;
        foreach (var stage in byStage)
        {
            sheet.Text(row, 1, set.Labels.Stage(stage.Stage));
            sheet.Number(row, 2, stage.Deals, Formats.Count);
            sheet.Number(row, 3, stage.Amount, Formats.Currency);
            sheet.Number(row, 4, stage.Stalled, Formats.Count);
            sheet.Number(row, 5, stage.Overdue, Formats.Count);
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
        sheet.Header(monthHeader, 1, "Expected close", "Deals", "Amount", "Overdue month");
        row++;
        foreach (var month in byMonth)
        {
            if (month.Month is { } start)
                sheet.Date(row, 1, start, Formats.Month);
            else
                sheet.Text(row, 1, "no expected close date");
            sheet.Number(row, 2, month.Deals, Formats.Count);
            sheet.Number(row, 3, month.Amount, Formats.Currency);
            sheet.Text(row, 4, month.IsOverdue ? "yes" : "no");
            row++;
        }
        if (byMonth.Count > 0)
        {
            var range = sheet.Sheet.Range(monthHeader + 1, 1, row - 1, 4);
            range.AddConditionalFormat().WhenIsTrue($"$D{monthHeader + 1}=\"yes\"").Fill.SetBackgroundColor(XLColor.FromHtml(Formats.OverdueFill));
        }
        sheet.Note(row + 1, "Overdue month: expected to close in a month before the as-of month and still open. The Overdue column by stage counts deals that reached opportunity whose expected close date has passed.");
        sheet.Finish();
    }
}
