using System.Globalization;
using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

/// <summary>A team's workbook for its manager: Roster, Coaching, Stalled deals, Pipeline.</summary>
internal sealed partial class ManagerWorkbook(ScorecardData data, ReportQueries queries, string team)
{
    public const string RosterSheet = "Roster";
    public const string CoachingSheet = "Coaching";
    public const string StalledSheet = "Stalled deals";
    public const string PipelineSheet = "Pipeline";

    /// <summary>The window of the roster's stage conversions, in months (about the 180 days of the coaching flags).</summary>
    private const int FunnelWindow = 6;

    private string AsOfText => data.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IReadOnlyList<RepInfo> Members => data.Team(team);

    public void Save(string path)
    {
        using var workbook = new XLWorkbook();
        WriteRoster(new SheetWriter(workbook.AddWorksheet(RosterSheet), data.CurrencySymbol));
        WriteCoaching(new SheetWriter(workbook.AddWorksheet(CoachingSheet), data.CurrencySymbol));
        WriteStalled(new SheetWriter(workbook.AddWorksheet(StalledSheet), data.CurrencySymbol));
        WritePipeline(new SheetWriter(workbook.AddWorksheet(PipelineSheet), data.CurrencySymbol));
        AtomicFile.Write(path, stream => workbook.SaveAs(stream));
    }

    private void WriteRoster(SheetWriter sheet)
    {
        var from = data.Kpis.Values.First(kpi => kpi.Period == ScorecardData.Trailing12Months).PeriodStart;
        sheet.Title($"Team {team}: roster",
            $"Outcomes from {from:yyyy-MM-dd} to the end of {AsOfText} (trailing 12 months), attainment this quarter, stage conversion over the last {FunnelWindow} months. As of {AsOfText}.");
        sheet.Note(3, data.LoadLabel);
        const int headerRow = 4;
        var labels = new List<string> { "Rep ID", "Rep", "Won amount", "Won deals", "Win rate", "Median cycle", "Velocity per day", "Attainment (quarter)" };
        labels.AddRange(data.Steps.Converting.Select(data.Steps.StepLabel));
        sheet.Header(headerRow, 1, [.. labels]);
        var row = headerRow + 1;
        foreach (var member in Members)
        {
            var kpi = data.Kpis[(member.RepId, ScorecardData.Trailing12Months)];
            var quarter = data.Kpis[(member.RepId, ScorecardData.ThisQuarter)];
            sheet.Text(row, 1, member.RepId);
            sheet.Text(row, 2, member.Name);
            sheet.Number(row, 3, kpi.WonAmount, Formats.Currency);
            sheet.Number(row, 4, kpi.WonCount, Formats.Count);
            sheet.Number(row, 5, kpi.WinRate, Formats.Percent);
            sheet.Number(row, 6, kpi.MedianCycleDays, Formats.Days);
            sheet.Number(row, 7, data.Velocity.TryGetValue(member.RepId, out var velocity) ? velocity.VelocityPerDay : null, Formats.Currency);
            sheet.Number(row, 8, quarter.Attainment, Formats.Percent);
            foreach (var (order, step) in data.Steps.Converting.Select((order, step) => (order, step)))
                sheet.Number(row, 9 + step, data.Conversion(FunnelWindow, [member.RepId], order).Conversion, Formats.Percent);
            row++;
        }
        var lastRow = row - 1;
        sheet.Table(headerRow, lastRow, labels.Count);
        if (lastRow > headerRow)
        {
            foreach (var column in Enumerable.Range(9, data.Steps.Converting.Count))
            {
                sheet.Sheet.Range(headerRow + 1, column, lastRow, column).AddConditionalFormat().ColorScale()
                    .LowestValue(XLColor.FromHtml("#F8696B"))
                    .Midpoint(XLCFContentType.Percentile, 50, XLColor.FromHtml("#FFEB84"))
                    .HighestValue(XLColor.FromHtml("#63BE7B"));
            }
            sheet.Sheet.Range(headerRow + 1, 3, lastRow, 3).AddConditionalFormat().DataBar(XLColor.FromHtml("#5B9BD5")).LowestValue().HighestValue();
        }
        row++;
        if (Members.Count == 1)
            sheet.Note(row++, "Team of one: no peers to compare.");
        if (Members.Count == 0)
            sheet.Note(row++, "No rep of this team has deals in the last 12 months.");
        sheet.Note(row, "Heat map per stage column: red is the team's weakest conversion, green its strongest. \"-\": no exits in the window, no quota, or no closed deals.");
        sheet.Finish();
        foreach (var column in Enumerable.Range(9, data.Steps.Converting.Count))
            sheet.Sheet.Column(column).Width = 14;
    }

    private void WriteCoaching(SheetWriter sheet)
    {
        var flags = data.Coaching.Where(flag => flag.Team == team).OrderBy(flag => flag.ZScore).ToList();
        var names = data.Reps.ToDictionary(rep => rep.RepId, rep => rep.Name);
        sheet.Title($"Team {team}: coaching flags",
            $"Stages where a rep converts significantly worse than the rest of the team, over the 180 days to the end of {AsOfText}. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Rep ID", "Rep", "Stage conversion", "Rep exits", "Rep", "Peer exits", "Peers", "z", "Suggestion");
        var row = headerRow + 1;
        foreach (var flag in flags)
        {
            sheet.Text(row, 1, flag.RepId);
            sheet.Text(row, 2, names.GetValueOrDefault(flag.RepId, string.Empty));
            sheet.Text(row, 3, data.Steps.StepLabel(flag.StageOrder));
            sheet.Number(row, 4, flag.RepExits, Formats.Count);
            sheet.Number(row, 5, flag.RepConversion, Formats.Percent);
            sheet.Number(row, 6, flag.PeerExits, Formats.Count);
            sheet.Number(row, 7, flag.PeerConversion, Formats.Percent);
            sheet.Number(row, 8, flag.ZScore, Formats.Score);
            sheet.Text(row, 9, CoachingTips.For(flag.Stage));
            row++;
        }
        sheet.Table(headerRow, row - 1, 9);
        if (flags.Count == 0)
        {
            sheet.Note(row, Members.Count > 1
                ? "No weak stage against the team in the last 180 days."
                : "Team of one: no peers to compare against, so no coaching flags.");
        }
        sheet.Finish();
    }
}
