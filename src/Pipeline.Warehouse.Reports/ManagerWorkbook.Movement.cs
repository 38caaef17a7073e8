namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The Pipeline movement sheet: how the team's pipeline of every month and quarter moved
/// (marts.pipeline_waterfall: start, each movement, end, and where the start and end deals come
/// from), then the deals behind each movement of this quarter and this month
/// (marts.pipeline_waterfall_deals, the largest first).
/// </summary>
internal sealed partial class ManagerWorkbook
{
    private static readonly string[] Movements = ["start", "created", "pulled_in", "amount_changed", "won", "lost", "pushed_out", "removed", "end"];

    private static readonly string[] DealColumns =
        ["Movement", "Rank", "Deal ID", "Deal", "Rep", "Stage", "Amount", "Amount at start", "Amount now or at close",
         "Expected close at start", "Expected close now or at close", "Closed on", "What happened"];

    private void WriteMovement(SheetWriter sheet)
    {
        var scope = ScopeKey.ForTeam(team);
        sheet.Title($"Team {team}: pipeline movement",
            $"How the pipeline expected to close in each month and quarter moved: start, what entered and left it, end (marts.pipeline_waterfall). As of {AsOfText}.");
        sheet.Sheet.SheetView.FreezeRows(3);
        var row = 4;
        var current = new[] { "quarter", "month" }.Select(periodType => set.CurrentWaterfall(scope, periodType)).Where(rows => rows.Count > 0).ToList();
        foreach (var rows in current)
            sheet.Paragraph(row++, WaterfallText.Sentence(rows, currencySymbol), DealColumns.Length);
        sheet.Paragraph(row++, WaterfallText.Sources(current.Select(rows => rows[0])), DealColumns.Length);
        row = PeriodTable(sheet, row + 1, scope);
        foreach (var periodType in new[] { "quarter", "month" })
            row = DealsTable(sheet, row + 1, scope, periodType);
        sheet.Paragraph(row + 1, WaterfallText.Definitions + " A deal counts in the team of its owner at the period's end (or the as-of date).", DealColumns.Length);
        sheet.Finish();
    }

    /// <summary>Every period of the team, quarters then months, latest first: one row, a column per movement.</summary>
    private int PeriodTable(SheetWriter sheet, int row, ScopeKey scope)
    {
        sheet.Section(row++, "Every month and quarter, latest first");
        string[] columns = ["Period", "From", "To", "Start from", "End from", .. Movements.Select(WaterfallText.Movement), "Deals at start", "Deals at end"];
        var header = row++;
        sheet.Header(header, 1, columns);
        foreach (var period in set.Waterfall[scope].GroupBy(r => (r.PeriodType, r.PeriodStart)))
        {
            var by = period.ToDictionary(r => r.Movement);
            var first = period.First();
            sheet.Text(row, 1, HealthFormat.Period(first.PeriodType, first.PeriodStart) + (first.IsComplete ? "" : " (to date)"));
            sheet.Date(row, 2, first.PeriodStart);
            sheet.Date(row, 3, first.ThroughDate);
            sheet.Text(row, 4, first.StartSource);
            sheet.Text(row, 5, first.EndSource);
            for (var i = 0; i < Movements.Length; i++)
                sheet.Number(row, 6 + i, by.GetValueOrDefault(Movements[i])?.Amount, Formats.Currency);
            sheet.Number(row, 6 + Movements.Length, by.GetValueOrDefault("start")?.Deals ?? 0, Formats.Count);
            sheet.Number(row, 7 + Movements.Length, by.GetValueOrDefault("end")?.Deals ?? 0, Formats.Count);
            row++;
        }
        sheet.Note(row++, "Start from / end from: snapshot (the nightly snapshot of the night before) or timeline (no snapshot that night: rebuilt from the deals' timelines, amounts and close dates as the stage history, else the latest export, says; deals deleted since are not seen).");
        return row;
    }

    /// <summary>The deals behind each movement of the current period of a type, the largest first.</summary>
    private int DealsTable(SheetWriter sheet, int row, ScopeKey scope, string periodType)
    {
        var current = set.CurrentWaterfall(scope, periodType);
        var title = current.Count == 0 ? periodType : HealthFormat.Period(periodType, current[0].PeriodStart);
        sheet.Section(row++, $"Deals behind each movement of {title} (the {ReportSet.WaterfallSheetDealsLimit} largest of each)");
        var header = row++;
        sheet.Header(header, 1, DealColumns);
        foreach (var deal in set.WaterfallDeals(scope, ReportSet.WaterfallSheetDealsLimit).Where(deal => deal.PeriodType == periodType))
        {
            sheet.Text(row, 1, WaterfallText.Movement(deal.Movement));
            sheet.Number(row, 2, deal.Rank, Formats.Count);
            sheet.Text(row, 3, deal.DealId);
            sheet.Text(row, 4, deal.DealName ?? "(deleted in the CRM)");
            sheet.Text(row, 5, deal.RepName);
            sheet.Text(row, 6, deal.Stage is null ? "" : set.Labels.Stage(deal.Stage));
            sheet.Number(row, 7, deal.Amount, Formats.Currency);
            sheet.Number(row, 8, deal.AmountAtStart, Formats.Currency);
            sheet.Number(row, 9, deal.AmountAtExit, Formats.Currency);
            sheet.Date(row, 10, deal.CloseDateAtStart);
            sheet.Date(row, 11, deal.CloseDateAtExit);
            sheet.Date(row, 12, deal.ClosedOn);
            sheet.Text(row, 13, WaterfallText.Detail(deal, currencySymbol));
            row++;
        }
        return row;
    }
}
