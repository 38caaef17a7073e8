using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class RepWorkbook
{
    private static readonly int[] Windows = [3, 6, 12];

    private void WriteFunnel(SheetWriter sheet)
    {
        sheet.Title($"Funnel: {Who}",
            $"Stage conversion (advanced / exited) of the rep's deals against the whole team, over the 3, 6 and 12 calendar months to {AsOfText} (about 90, 180 and 365 days). As of {AsOfText}.");
        const int groupRow = 4, headerRow = 5;
        sheet.Header(headerRow, 1, "Stage conversion");
        for (var w = 0; w < Windows.Length; w++)
        {
            var column = 2 + (w * 4);
            var group = sheet.Text(groupRow, column, $"Last {Windows[w]} months", measure: false);
            group.Style.Font.Bold = true;
            sheet.Sheet.Range(groupRow, column, groupRow, column + 3).Merge();
            sheet.Header(headerRow, column, "Rep exits", "Rep", "Team", "vs team");
        }
        var benchmarkColumn = 2 + (Windows.Length * 4);
        var benchmarkGroup = sheet.Text(groupRow, benchmarkColumn, "Industry benchmark", measure: false);
        benchmarkGroup.Style.Font.Bold = true;
        sheet.Sheet.Range(groupRow, benchmarkColumn, groupRow, benchmarkColumn + 1).Merge();
        sheet.Header(headerRow, benchmarkColumn, "Benchmark", "12 months vs benchmark");
        var flags = data.Coaching.Where(flag => flag.RepId == rep.RepId).ToList();
        var teamIds = Team.Select(member => member.RepId).ToList();
        var row = headerRow + 1;
        foreach (var order in data.Steps.Converting)
        {
            sheet.Text(row, 1, data.Steps.StepLabel(order));
            for (var w = 0; w < Windows.Length; w++)
            {
                var column = 2 + (w * 4);
                var (exits, conversion) = data.Conversion(Windows[w], [rep.RepId], order);
                var (_, team) = data.Conversion(Windows[w], teamIds, order);
                sheet.Number(row, column, exits, Formats.Count);
                Compared(sheet, row, column + 1, conversion, team, Formats.Percent, true);
            }
            var (_, trailing12) = data.Conversion(Windows[^1], [rep.RepId], order);
            AgainstBenchmark(sheet, row, benchmarkColumn, trailing12, data.Steps.IsCanonicalStep(order) ? data.Benchmarks.Find(BenchmarkTable.StageConversion, Stages.Name(order)) : null, Formats.Percent, true);
            if (flags.Any(flag => flag.StageOrder == order))
                sheet.Sheet.Range(row, 1, row, benchmarkColumn + 1).Style.Fill.BackgroundColor = XLColor.FromHtml(Formats.FlagFill);
            row++;
        }
        sheet.Sheet.SheetView.FreezeRows(headerRow);
        sheet.Sheet.PageSetup.SetRowsToRepeatAtTop(groupRow, headerRow);
        sheet.Note(row++, "Team: the pooled conversion of all the team's reps, this rep included. Windows are calendar months (marts.stage_flow counts exits per month); highlighted: a coaching flag.");

        row++;
        sheet.Section(row++, "Coaching flags: weak stages against the rest of the team (last 180 days)");
        if (flags.Count == 0)
        {
            sheet.Note(row++, HasPeers
                ? "No weak stage against the team in the last 180 days."
                : "Team of one: no peers to compare against, so no coaching flags.");
        }
        else
        {
            sheet.Header(row, 1, "Stage conversion", "Rep exits", "Rep", "Peers", "z", "Suggestion");
            row++;
            foreach (var flag in flags.OrderBy(flag => flag.StageOrder))
            {
                sheet.Text(row, 1, data.Steps.StepLabel(flag.StageOrder));
                sheet.Number(row, 2, flag.RepExits, Formats.Count);
                sheet.Number(row, 3, flag.RepConversion, Formats.Percent);
                sheet.Number(row, 4, flag.PeerConversion, Formats.Percent);
                sheet.Number(row, 5, flag.ZScore, Formats.Score);
                sheet.Text(row, 6, CoachingTips.For(flag.Stage), measure: false);
                sheet.Sheet.Range(row, 1, row, 6).Style.Fill.BackgroundColor = XLColor.FromHtml(Formats.FlagFill);
                row++;
            }
            sheet.Note(row++, "A flag: the rep's conversion over at least 10 exits is significantly below the other reps' pooled conversion (z <= -2, at least 30 peer exits).");
        }
        BenchmarkNotes(sheet, row + 1, benchmarkColumn + 1, [BenchmarkTable.StageConversion]);
        sheet.Finish();
        sheet.Sheet.Column(1).Width = 34;
    }
}
