using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class RepWorkbook
{
    /// <summary>The columns of the Funnel sheet's table.</summary>
    public static readonly string[] FunnelColumns =
        ["Step", "Rep exits", "Rep conversion", "Rest of team exits", "Rest of team conversion", "vs rest of team", "Benchmark", "Fit", "vs benchmark", "Coaching tip", "Benchmark note"];

    /// <summary>
    /// One window, the coaching window (the 180 days before T), over the used stages only: the
    /// rep's exits and conversion against the rest of the team pooled, with the verdict of
    /// marts.rep_stage_comparison; weaker steps highlighted with a coaching tip.
    /// </summary>
    private void WriteFunnel(SheetWriter sheet)
    {
        sheet.Title($"Funnel: {Who}",
            $"Stage conversion (advanced / exited) of the rep's deals against the rest of the team, pooled, over the 180 days to the end of {AsOfText}. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, FunnelColumns);
        var row = headerRow + 1;
        var used = new List<(string, Benchmark)>();
        foreach (var (stage, comparison) in Steps)
        {
            var step = set.Labels.Step(stage.Stage);
            sheet.Text(row, 1, step);
            sheet.Number(row, 2, comparison?.RepExits ?? 0, Formats.Count);
            sheet.Number(row, 3, comparison?.RepConversion, Formats.Percent);
            sheet.Number(row, 4, comparison?.PeerExits ?? 0, Formats.Count);
            sheet.Number(row, 5, comparison?.PeerConversion, Formats.Percent);
            WorkbookWords.Verdict(sheet, row, 6, comparison?.Verdict ?? "too few exits");
            var benchmark = WorkbookWords.StageBenchmark(benchmarks, set.Labels, stage);
            WorkbookWords.Benchmark(sheet, row, 7, comparison?.RepConversion, benchmark, Formats.Percent);
            if (benchmark is not null)
                used.Add(($"{step} conversion", benchmark));
            if (benchmark?.Note is { } note)
                sheet.Text(row, 11, note, measure: false);
            if (comparison?.Verdict == "weaker")
            {
                sheet.Text(row, 10, CoachingTips.For(stage.Stage), measure: false);
                sheet.Sheet.Range(row, 1, row, 10).Style.Fill.BackgroundColor = XLColor.FromHtml(Formats.FlagFill);
            }
            row++;
        }
        sheet.Sheet.SheetView.FreezeRows(headerRow);
        sheet.Sheet.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
        row++;
        if (Steps.Count == 0)
            sheet.Note(row++, "No stage of this pipeline is used by any deal.");
        if (FunnelVerdict() is { Weaker.Count: 0, Sentence: var sentence })
            sheet.Note(row++, char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".");
        sheet.Note(row++, "Rest of team: the other reps of the team, pooled. Weaker or stronger: a two-proportion test with at least 10 exits of the rep and 30 of the rest of the team, " +
            "at two standard errors; \"too few exits\" below those minimums; otherwise \"about the same\". Highlighted: a weaker step, with a coaching tip.");
        sheet.Note(row++, "Only the stages this pipeline uses are shown, each converting to the next used stage.");
        WorkbookWords.BenchmarkNotes(sheet, row + 1, FunnelColumns.Length, used, benchmarks);
        sheet.Finish();
        sheet.Sheet.Column(1).Width = 36;
    }
}
