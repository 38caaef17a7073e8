using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// A rep's scorecard workbook: Summary, Funnel, Open deals, Closed deals, Trend. Every figure is a
/// mart's (<see cref="ReportSet"/>); the sheets choose rows and words, and compute nothing.
/// </summary>
internal sealed partial class RepWorkbook(ReportSet set, RosterRep rep, BenchmarkTable benchmarks, string currencySymbol)
{
    public const string SummarySheet = "Summary";
    public const string FunnelSheet = "Funnel";
    public const string OpenDealsSheet = "Open deals";
    public const string ClosedDealsSheet = "Closed deals";
    public const string TrendSheet = "Trend";
    public const string DealsThatMatterSheet = "Deals that matter";

    public const string NoDealsText = "No deals: this rep has no deals in the warehouse, so every figure below is zero (\"-\" where there is nothing to divide).";

    public const string CompareSection = "Compared with the team";

    public const string NeedSection = "What you still need";

    public const string BenchmarkSection = "Industry benchmarks, trailing 12 months";

    private static readonly (string Period, string Label)[] Periods =
    [
        (WorkbookWords.ThisMonth, "This month"),
        (WorkbookWords.ThisQuarter, "This quarter"),
        (WorkbookWords.Trailing12Months, "Trailing 12 months"),
    ];

    private static readonly Dictionary<string, (string Label, string Format)> Metrics = new(StringComparer.Ordinal)
    {
        ["amount_won"] = ("Won amount", Formats.Currency),
        ["won"] = ("Won deals", Formats.Count),
        ["win_rate"] = ("Win rate (won / closed)", Formats.Percent),
        ["avg_won_amount"] = ("Average won deal size", Formats.Currency),
        ["median_cycle_days"] = ("Median sales cycle (won deals)", Formats.Days),
    };

    /// <summary>Coverage, a multiple of the gap: 1.50x.</summary>
    public const string CoverageFormat = "0.00\"x\"";

    private string AsOfText => WorkbookWords.Date(set.AsOf);

    private string Who => $"{rep.Name} ({rep.RepId}), team {rep.Team}";

    private ScopeKey Scope => ScopeKey.ForRep(rep.Team.Length == 0 ? null : rep.Team, rep.RepId);

    /// <summary>The rep's rows of marts.rep_stage_comparison at the used stages, in funnel order: the Funnel sheet, and the Summary's line about it.</summary>
    private IReadOnlyList<(StageInfo Stage, StageComparisonRow? Row)> Steps => set.Labels.Used
        .Select(stage => (stage, set.StageComparisons[rep.RepId].FirstOrDefault(row => row.Stage == stage.Stage)))
        .ToList();

    /// <summary>The workbook with every sheet laid out, not yet saved (<see cref="WorkbookSaver"/> saves it).</summary>
    public XLWorkbook Build() => WorkbookSaver.LaidOut(workbook =>
    {
        WriteSummary(new SheetWriter(workbook.AddWorksheet(SummarySheet), currencySymbol));
        WriteDealsThatMatter(new SheetWriter(workbook.AddWorksheet(DealsThatMatterSheet), currencySymbol));
        WriteFunnel(new SheetWriter(workbook.AddWorksheet(FunnelSheet), currencySymbol));
        WriteOpenDeals(new SheetWriter(workbook.AddWorksheet(OpenDealsSheet), currencySymbol));
        WriteClosedDeals(new SheetWriter(workbook.AddWorksheet(ClosedDealsSheet), currencySymbol));
        WriteTrend(new SheetWriter(workbook.AddWorksheet(TrendSheet), currencySymbol));
    });

    private void WriteSummary(SheetWriter sheet)
    {
        var periods = set.Periods[Scope].ToDictionary(row => row.Period);
        var starts = Periods.Select(period => periods.TryGetValue(period.Period, out var row) ? WorkbookWords.Date(row.PeriodStart) : "-").ToArray();
        sheet.Title($"Scorecard: {Who}",
            $"What is still needed this month and this quarter and the forecast, then the comparison with the team: this month from {starts[0]}, this quarter from {starts[1]}, " +
            $"trailing 12 months from {starts[2]}; all to the end of {AsOfText}. As of {AsOfText}.");
        sheet.Note(3, set.LoadLabel);
        var row = WorkbookForecast.Sentences(sheet, 4,
            new[] { "month", "quarter" }.Select(type => set.Forecast(Scope, type)).OfType<ForecastRow>().ToList(),
            new[] { "month", "quarter" }.Select(type => set.Forecast(Scope, type, "next")).OfType<ForecastRow>().ToList(),
            currencySymbol);
        if (rep.Deals == 0)
        {
            var none = sheet.Text(row++, 1, NoDealsText, measure: false);
            none.Style.Font.Bold = true;
        }
        if (rep.IsActive == false)
            sheet.Note(row++, rep.IsInactiveWithOpenDeals
                ? $"Marked inactive in reps.csv, yet owns {rep.OpenDeals} open deals worth {WorkbookWords.Money(rep.OpenAmount, currencySymbol)}: they need a new owner."
                : "Marked inactive in reps.csv.");
        row = WriteNeed(sheet, row + 1);
        row = WriteFunnelLine(sheet, row + 1);
        row = WriteComparison(sheet, row + 1);
        row = WriteVelocity(sheet, row + 1);
        WriteBenchmarks(sheet, row + 1, periods.GetValueOrDefault(WorkbookWords.Trailing12Months));
        sheet.Finish();
        sheet.Sheet.Column(1).Width = 40;
    }

    /// <summary>Quota, won, gap, attainment, open in period, coverage and overdue for this month and this quarter (marts.period_attainment, period current).</summary>
    private int WriteNeed(SheetWriter sheet, int row)
    {
        sheet.Section(row++, NeedSection);
        var header = row;
        sheet.Header(row++, 1, "Measure", "This month", "This quarter");
        var periods = new[] { "month", "quarter" }
            .Select(type => set.Attainment[Scope].FirstOrDefault(a => a.PeriodType == type && a.Period == "current"))
            .ToArray();
        void Line(string label, Action<int, AttainmentRow> write)
        {
            sheet.Text(row, 1, label);
            for (var p = 0; p < periods.Length; p++)
            {
                if (periods[p] is { } period)
                    write(2 + p, period);
                else
                    sheet.Missing(row, 2 + p);
            }
            row++;
        }
        Line("Period", (c, a) => sheet.Text(row, c, $"{WorkbookWords.Date(a.PeriodStart)} to {WorkbookWords.Date(a.PeriodEnd.AddDays(-1))}"));
        Line("Quota", (c, a) => sheet.Number(row, c, a.Quota, Formats.Currency));
        Line("Won to date", (c, a) => sheet.Number(row, c, a.WonToDate, Formats.Currency));
        Line("Deals won", (c, a) => sheet.Number(row, c, a.WonDeals, Formats.Count));
        Line("Gap (quota − won to date)", (c, a) => sheet.Number(row, c, a.Gap, Formats.Currency));
        Line("Attainment (won / quota)", (c, a) => sheet.Number(row, c, a.Attainment, Formats.Percent));
        Line("Open in period", (c, a) => sheet.Number(row, c, a.OpenInPeriod, Formats.Currency));
        Line("Coverage (open in period / gap)", (c, a) => sheet.Number(row, c, a.Coverage, CoverageFormat));
        Line("Overdue open amount", (c, a) => sheet.Number(row, c, a.OverdueOpen, Formats.Currency));
        Line("Overdue deals", (c, a) => sheet.Number(row, c, a.OverdueDeals, Formats.Count));
        Line("Stalled deals", (c, a) => sheet.Number(row, c, a.StalledDeals, Formats.Count));
        var forecasts = new[] { "month", "quarter" }.Select(type => set.Forecast(Scope, type)).ToArray();
        void ForecastLine(string label, Func<ForecastRow, decimal?> value)
        {
            sheet.Text(row, 1, label);
            for (var p = 0; p < forecasts.Length; p++)
                sheet.Number(row, 2 + p, forecasts[p] is { } forecast ? value(forecast) : null, Formats.Currency);
            row++;
        }
        ForecastLine("Expected from your open deals", f => f.ExpectedFromOpen);
        ForecastLine("Expected from deals not yet created", f => f.ExpectedFromNew);
        sheet.Sheet.Row(row).Style.Font.Bold = true;
        ForecastLine("Forecast (won + expected)", f => f.ForecastTotal);
        ForecastLine("Forecast P10 (low)", f => f.Low);
        ForecastLine("Forecast P90 (high)", f => f.High);
        ForecastLine("Short of quota at the midpoint (quota − forecast)", f => f.Shortfall);
        sheet.Sheet.Range(header, 1, row - 1, 3).Style.Border.OutsideBorder = XLBorderStyleValues.Medium;
        sheet.Sheet.SheetView.FreezeRows(3);
        if (periods.Any(period => period is { Quota: null }))
            sheet.Note(row++, "No quota for a period: its quota, gap, attainment and coverage show \"-\".");
        sheet.Note(row++, "Open in period: open deals that reached opportunity, expected to close from the as-of date to the period's end. Coverage = open in period / gap; \"-\" without a quota or once the quota is met.");
        sheet.Note(row++, "Overdue: open deals that reached opportunity whose expected close date has passed; shown beside coverage, never counted in it (METRICS.md section 8).");
        sheet.Note(row++, $"Forecast: won to date plus what your open deals are expected to bring before the period ends (each by its chance of being won in time; see the {DealsThatMatterSheet} sheet) plus what deals not yet created are expected to bring; P10 and P90: the range it lands in 8 times out of 10.");
        if (forecasts.Any(forecast => forecast is { HasForecast: false }))
            sheet.Note(row++, $"A forecast figure \"-\": {ForecastText.NoHistory}.");
        if (!set.Labels.UsesOpportunity)
            sheet.Note(row++, "No open stage of this pipeline is at opportunity or later, so open in period, coverage and overdue count nothing here.");
        return row;
    }

    /// <summary>One line that says what the Funnel sheet says: the weaker steps, or that there are none.</summary>
    private int WriteFunnelLine(SheetWriter sheet, int row)
    {
        var (weaker, verdict) = FunnelVerdict();
        var cell = sheet.Text(row++, 1, weaker.Count > 0
            ? $"Funnel, last 180 days: weaker than the rest of the team at {string.Join("; ", weaker)} (see the Funnel sheet)."
            : $"Funnel: {verdict} (see the Funnel sheet).", measure: false);
        cell.Style.Font.Bold = true;
        if (weaker.Count > 0)
            cell.Style.Font.FontColor = XLColor.FromHtml(Formats.Worse);
        return row;
    }

    /// <summary>
    /// The weaker steps of marts.rep_stage_comparison, and when there are none the sentence that
    /// says why: the Summary and the Funnel sheet both say it, so they never disagree.
    /// </summary>
    private (List<string> Weaker, string Sentence) FunnelVerdict()
    {
        var weaker = Steps.Where(step => step.Row?.Verdict == "weaker").Select(step => set.Labels.Step(step.Stage.Stage)).ToList();
        var sentence = Steps.Any(step => step.Row?.Verdict is "stronger" or "about the same")
            ? "no step weaker than the rest of the team in the last 180 days"
            : set.MembersOf(rep.Team).Count == 1
                ? "team of one, no peers to compare against in the last 180 days, so no coaching flags"
                : "too few exits in the last 180 days to compare any step with the rest of the team";
        return (weaker, sentence);
    }

    /// <summary>marts.rep_comparison: per period and metric the rep's figure, the team's, and the verdict of the stated test.</summary>
    private int WriteComparison(SheetWriter sheet, int row)
    {
        sheet.Section(row++, CompareSection);
        var rows = set.Comparisons[rep.RepId].ToList();
        var groupRow = row++;
        var headerRow = row++;
        sheet.Header(headerRow, 1, "Metric", "Team figure");
        for (var p = 0; p < Periods.Length; p++)
        {
            var column = 3 + (p * 3);
            var group = sheet.Text(groupRow, column, Periods[p].Label, measure: false);
            group.Style.Font.Bold = true;
            sheet.Sheet.Range(groupRow, column, groupRow, column + 2).Merge();
            sheet.Header(headerRow, column, "Rep", "Team", "vs team");
        }
        foreach (var metric in rows.Select(r => r.Metric).Distinct())
        {
            var (label, format) = Metrics.TryGetValue(metric, out var known) ? known : (metric, Formats.Score);
            sheet.Text(row, 1, label);
            sheet.Text(row, 2, rows.First(r => r.Metric == metric).TeamValueBasis);
            for (var p = 0; p < Periods.Length; p++)
            {
                var column = 3 + (p * 3);
                if (rows.FirstOrDefault(r => r.Metric == metric && r.Period == Periods[p].Period) is { } cell)
                {
                    sheet.Number(row, column, cell.RepValue, format).Style.Font.Bold = true;
                    sheet.Number(row, column + 1, cell.TeamValue, format);
                    WorkbookWords.Verdict(sheet, row, column + 2, cell.Verdict);
                }
                else
                {
                    sheet.Missing(row, column);
                    sheet.Missing(row, column + 1);
                    sheet.Missing(row, column + 2);
                }
            }
            row++;
        }
        if (rows.Count == 0)
            sheet.Note(row++, "No comparison with the team for this rep.");
        if (set.MembersOf(rep.Team).Count == 1)
            sheet.Note(row++, "Team of one: no peers to compare, so every verdict is \"no peers\".");
        if (set.Periods[Scope].FirstOrDefault(period => period.Period == WorkbookWords.Trailing12Months) is { Closed: 0 })
            sheet.Note(row++, "No deals closed in the last 12 months: win rate, deal size and cycle show \"-\".");
        for (var p = 0; p < Periods.Length; p++)
            sheet.Sheet.Range(groupRow, 3 + (p * 3), row - 1, 5 + (p * 3)).Style.Border.OutsideBorder = XLBorderStyleValues.Medium;
        sheet.Note(row++, "vs team: better or worse only where the difference passes the test below; otherwise \"about the same\". " +
            "\"too few deals\": a minimum was not met; \"no peers\": nobody else in the team; \"no figure\": the rep's or the team's figure is missing.");
        foreach (var (metric, test) in rows.Select(r => (r.Metric, r.Test)).Where(t => t.Test.Length > 0).Distinct())
            sheet.Note(row++, $"{(Metrics.TryGetValue(metric, out var known) ? known.Label : metric)}: {test}");
        return row;
    }

    /// <summary>marts.velocity_by_scope, the rep's row at the as-of date: shown as it is, without a verdict.</summary>
    private int WriteVelocity(SheetWriter sheet, int row)
    {
        sheet.Section(row++, "Sales velocity at the as-of date");
        sheet.Header(row++, 1, "Open opportunities", "Win rate (365 days)", "Average won deal", "Average won cycle", "Velocity per day");
        var velocity = set.Velocity[Scope].FirstOrDefault(v => v.SegmentType == "all" && v.Point == "as_of");
        sheet.Number(row, 1, velocity?.OpenOpportunities ?? 0, Formats.Count);
        sheet.Number(row, 2, velocity?.WinRate, Formats.Percent);
        sheet.Number(row, 3, velocity?.AvgWonAmount, Formats.Currency);
        sheet.Number(row, 4, velocity?.AvgCycleDays, Formats.Days);
        sheet.Number(row++, 5, velocity?.VelocityPerDay, Formats.Currency);
        sheet.Note(row++, "Velocity = open opportunities x win rate x average won amount / average won cycle, over the deals closed in the 365 days before the as-of date (amount per day); shown without a comparison.");
        return row;
    }

    /// <summary>
    /// The published win rate against the rep's opportunity win rate (closed deals that reached
    /// opportunity; never the lead-to-won win rate), the published cycle against the median cycle.
    /// </summary>
    private void WriteBenchmarks(SheetWriter sheet, int row, PeriodRow? trailing12)
    {
        sheet.Section(row++, BenchmarkSection);
        sheet.Header(row++, 1, "Measure", "Rep", "Benchmark", "Fit", "vs benchmark", "Note");
        var winRate = benchmarks.Find(BenchmarkTable.OpportunityToWon);
        var cycle = benchmarks.Find(BenchmarkTable.CycleDays);
        Line("Opportunity win rate (won / closed of deals that reached opportunity)", trailing12?.OpportunityWinRate, winRate, Formats.Percent);
        Line("Median sales cycle (won deals)", trailing12?.MedianCycleDays, cycle, Formats.Days);
        if (!set.Labels.UsesOpportunity)
            sheet.Note(row++, "No deal of this pipeline reaches opportunity, so the opportunity win rate counts nothing here.");
        var used = new List<(string, Benchmark)>();
        if (winRate is not null)
            used.Add(("Opportunity win rate", winRate));
        if (cycle is not null)
            used.Add(("Sales cycle", cycle));
        WorkbookWords.BenchmarkNotes(sheet, row + 1, 9, used, benchmarks);

        void Line(string label, double? mine, Benchmark? benchmark, string format)
        {
            sheet.Text(row, 1, label);
            sheet.Number(row, 2, mine, format);
            WorkbookWords.Benchmark(sheet, row, 3, mine, benchmark, format);
            if (benchmark?.Note is { } note)
                sheet.Text(row, 6, note, measure: false);
            row++;
        }
    }
}
