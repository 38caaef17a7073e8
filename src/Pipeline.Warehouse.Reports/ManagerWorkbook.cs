using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// A team's workbook for its manager: Roster, Forecast, Coaching, Warnings &amp; velocity, Stalled
/// deals, Pipeline, Pipeline movement. Every figure is a mart's (<see cref="ReportSet"/>); the sheets choose rows and words.
/// </summary>
internal sealed partial class ManagerWorkbook(ReportSet set, string team, string currencySymbol)
{
    public const string RosterSheet = "Roster";
    public const string CoachingSheet = "Coaching";
    public const string WarningsSheet = "Warnings & velocity";
    public const string StalledSheet = "Stalled deals";
    public const string PipelineSheet = "Pipeline";
    public const string ForecastSheet = "Forecast";
    public const string MovementSheet = "Pipeline movement";

    public const string TeamTotal = "Team total";
    public const string TeamMedian = "Team median";

    /// <summary>The columns of each roster table.</summary>
    public static readonly string[] RosterColumns =
        ["Rep ID", "Rep", "Active", "Quota", "Won", "Attainment", "Gap", "Open in period", "Coverage", "Stalled deals", "Overdue deals",
         "Expected from open deals", "Forecast", "Coaching flags"];

    /// <summary>The roster's column of the expected amount of the rep's open deals (marts.forecast_scopes' expected_from_open), then the forecast total.</summary>
    public const int ExpectedFromOpenColumn = 12;

    private string AsOfText => WorkbookWords.Date(set.AsOf);

    private IReadOnlyList<RosterRep> Members => set.MembersOf(team);

    /// <summary>The workbook with every sheet laid out, not yet saved (<see cref="WorkbookSaver"/> saves it).</summary>
    public XLWorkbook Build() => WorkbookSaver.LaidOut(workbook =>
    {
        WriteRoster(new SheetWriter(workbook.AddWorksheet(RosterSheet), currencySymbol));
        WriteForecast(new SheetWriter(workbook.AddWorksheet(ForecastSheet), currencySymbol));
        WriteCoaching(new SheetWriter(workbook.AddWorksheet(CoachingSheet), currencySymbol));
        WriteWarnings(new SheetWriter(workbook.AddWorksheet(WarningsSheet), currencySymbol));
        WriteStalled(new SheetWriter(workbook.AddWorksheet(StalledSheet), currencySymbol));
        WritePipeline(new SheetWriter(workbook.AddWorksheet(PipelineSheet), currencySymbol));
        WriteMovement(new SheetWriter(workbook.AddWorksheet(MovementSheet), currencySymbol));
    });

    private void WriteRoster(SheetWriter sheet)
    {
        sheet.Title($"Team {team}: roster",
            $"Quota, won, attainment, gap, coverage and forecast of every current rep, this quarter then this month (marts.period_attainment, marts.forecast_scopes); sorted by attainment, highest first, reps without a quota last. As of {AsOfText}.");
        sheet.Note(3, set.LoadLabel);
        var row = RosterTable(sheet, 4, "quarter", "This quarter");
        sheet.Sheet.SheetView.FreezeRows(3);
        row = RosterTable(sheet, row + 1, "month", "This month");
        row++;
        if (Members.Count == 1)
            sheet.Note(row++, "Team of one: no peers to compare.");
        foreach (var rep in Members.Where(rep => rep.IsInactiveWithOpenDeals))
        {
            var cell = sheet.Note(row++, $"{rep.Name} ({rep.RepId}) is marked inactive but still owns {rep.OpenDeals} open deals worth {WorkbookWords.Money(rep.OpenAmount, currencySymbol)}: reassign them.");
            cell.Style.Font.FontColor = XLColor.FromHtml(Formats.Worse);
            cell.Style.Font.Bold = true;
        }
        sheet.Note(row++, "Active: \"no (inactive)\" when reps.csv marks the rep inactive, \"not stated\" when it does not say. Highlighted: an inactive rep who still owns open deals.");
        sheet.Note(row++, "Open in period: open deals that reached opportunity, expected to close from the as-of date to the period's end. Coverage = open in period / gap (\"-\" without a quota or once it is met). Overdue: expected close date passed.");
        sheet.Note(row++, "Team total: the team's own figures (its reps summed); team median: the median rep of the team (a rep without a quota left out of the quota, attainment, gap and coverage medians).");
        sheet.Note(row++, "Expected from open deals: what the rep's open deals are expected to bring before the period ends, each by its chance of being won in time (any open deal, also one expected to close later); "
            + "forecast: won plus that, plus what deals not yet created are expected to bring (see the Forecast sheet).");
        sheet.Note(row++, "Coaching flags: the funnel steps where the rep converts worse than the rest of the team over the last 180 days (see the Coaching sheet).");
        if (!set.Labels.UsesOpportunity)
            sheet.Note(row++, "No open stage of this pipeline is at opportunity or later, so open in period, coverage and overdue count nothing here.");
        sheet.Finish();
        sheet.Sheet.Column(RosterColumns.Length).Width = 50;
    }

    /// <summary>One period's table: a row per rep (marts.period_attainment rep rows), the team's row and the median row (marts.team_medians).</summary>
    private int RosterTable(SheetWriter sheet, int row, string periodType, string label)
    {
        var total = set.Attainment[ScopeKey.ForTeam(team)].FirstOrDefault(a => a.PeriodType == periodType && a.Period == "current");
        sheet.Section(row++, total is null ? label : $"{label}: {WorkbookWords.Date(total.PeriodStart)} to {WorkbookWords.Date(total.PeriodEnd.AddDays(-1))}");
        var headerRow = row++;
        sheet.Header(headerRow, 1, RosterColumns);
        var members = Members.Select(rep => (Rep: rep, Row: set.Attainment[ScopeKey.ForRep(team, rep.RepId)]
                .FirstOrDefault(a => a.PeriodType == periodType && a.Period == "current")))
            .OrderBy(member => member.Row?.Attainment is null ? 1 : 0)
            .ThenByDescending(member => member.Row?.Attainment)
            .ThenBy(member => member.Rep.Name, StringComparer.Ordinal)
            .ThenBy(member => member.Rep.RepId, StringComparer.Ordinal)
            .ToList();
        foreach (var (rep, attainment) in members)
        {
            sheet.Text(row, 1, rep.RepId);
            sheet.Text(row, 2, rep.Name);
            sheet.Text(row, 3, rep.IsActive switch { true => "yes", false => "no (inactive)", null => "not stated" });
            Figures(sheet, row, attainment);
            ForecastFigures(sheet, row, set.Forecast(ScopeKey.ForRep(team, rep.RepId), periodType));
            var weak = set.StageComparisons[rep.RepId].Where(c => c.Verdict == "weaker").OrderBy(c => c.StageOrder)
                .Select(c => $"weak at {set.Labels.Step(c.Stage)}").ToList();
            sheet.Text(row, 14, weak.Count == 0 ? "none" : string.Join("; ", weak), measure: false);
            if (rep.IsInactiveWithOpenDeals)
                sheet.Sheet.Range(row, 1, row, RosterColumns.Length).Style.Fill.BackgroundColor = XLColor.FromHtml(Formats.OverdueFill);
            row++;
        }
        var totalCell = sheet.Text(row, 1, TeamTotal);
        sheet.Text(row, 2, $"{members.Count} reps");
        Figures(sheet, row, total);
        ForecastFigures(sheet, row, set.Forecast(ScopeKey.ForTeam(team), periodType));
        sheet.Sheet.Range(row, 1, row, RosterColumns.Length).Style.Font.Bold = true;
        sheet.Sheet.Range(row, 1, row, RosterColumns.Length).Style.Border.TopBorder = XLBorderStyleValues.Thin;
        totalCell.Style.Font.Bold = true;
        row++;
        var median = set.TeamMedians[team].FirstOrDefault(m => m.PeriodType == periodType && m.Period == "current");
        sheet.Text(row, 1, TeamMedian);
        sheet.Text(row, 2, median is null ? "-" : $"over {median.Reps} reps");
        sheet.Number(row, 4, median?.Quota, Formats.Currency);
        sheet.Number(row, 5, median?.WonToDate, Formats.Currency);
        sheet.Number(row, 6, median?.Attainment, Formats.Percent);
        sheet.Number(row, 7, median?.Gap, Formats.Currency);
        sheet.Number(row, 8, median?.OpenInPeriod, Formats.Currency);
        sheet.Number(row, 9, median?.Coverage, RepWorkbook.CoverageFormat);
        sheet.Number(row, 10, median?.StalledDeals, "#,##0.#");
        sheet.Number(row, 11, median?.OverdueDeals, "#,##0.#");
        sheet.Missing(row, 12);
        sheet.Missing(row, 13);
        sheet.Sheet.Range(row, 1, row, RosterColumns.Length).Style.Font.Italic = true;
        return row + 1;
    }

    private static void ForecastFigures(SheetWriter sheet, int row, ForecastRow? forecast)
    {
        sheet.Number(row, 12, forecast?.ExpectedFromOpen, Formats.Currency);
        sheet.Number(row, 13, forecast?.ForecastTotal, Formats.Currency);
    }

    private static void Figures(SheetWriter sheet, int row, AttainmentRow? attainment)
    {
        sheet.Number(row, 4, attainment?.Quota, Formats.Currency);
        sheet.Number(row, 5, attainment?.WonToDate, Formats.Currency);
        sheet.Number(row, 6, attainment?.Attainment, Formats.Percent);
        sheet.Number(row, 7, attainment?.Gap, Formats.Currency);
        sheet.Number(row, 8, attainment?.OpenInPeriod, Formats.Currency);
        sheet.Number(row, 9, attainment?.Coverage, RepWorkbook.CoverageFormat);
        sheet.Number(row, 10, (double?)attainment?.StalledDeals, Formats.Count);
        sheet.Number(row, 11, (double?)attainment?.OverdueDeals, Formats.Count);
    }
}
