using System.Globalization;
using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports;

/// <summary>A rep's scorecard workbook: Summary, Funnel, Open deals, Closed deals, Trend.</summary>
internal sealed partial class RepWorkbook(ScorecardData data, ReportQueries queries, RepInfo rep)
{
    public const string SummarySheet = "Summary";
    public const string FunnelSheet = "Funnel";
    public const string OpenDealsSheet = "Open deals";
    public const string ClosedDealsSheet = "Closed deals";
    public const string TrendSheet = "Trend";

    private static readonly (string Period, string Label)[] Periods =
    [
        (ScorecardData.ThisMonth, "This month"),
        (ScorecardData.ThisQuarter, "This quarter"),
        (ScorecardData.Trailing12Months, "Trailing 12 months"),
    ];

    private string AsOfText => data.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Who => $"{rep.Name} ({rep.RepId}), team {rep.Team}";

    private IReadOnlyList<RepInfo> Team => data.Team(rep.Team);

    private bool HasPeers => Team.Count > 1;

    public void Save(string path)
    {
        using var workbook = new XLWorkbook();
        WriteSummary(new SheetWriter(workbook.AddWorksheet(SummarySheet), data.CurrencySymbol));
        WriteFunnel(new SheetWriter(workbook.AddWorksheet(FunnelSheet), data.CurrencySymbol));
        WriteOpenDeals(new SheetWriter(workbook.AddWorksheet(OpenDealsSheet), data.CurrencySymbol));
        WriteClosedDeals(new SheetWriter(workbook.AddWorksheet(ClosedDealsSheet), data.CurrencySymbol));
        WriteTrend(new SheetWriter(workbook.AddWorksheet(TrendSheet), data.CurrencySymbol));
        AtomicFile.Write(path, stream => workbook.SaveAs(stream));
    }

    private void WriteSummary(SheetWriter sheet)
    {
        var starts = Periods.Select(period => data.Kpis[(rep.RepId, period.Period)].PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        sheet.Title($"Scorecard: {Who}",
            $"This month from {starts[0]}, this quarter from {starts[1]}, trailing 12 months from {starts[2]}; all to the end of {AsOfText}. As of {AsOfText}.");
        sheet.Note(3, data.LoadLabel);
        const int groupRow = 4, headerRow = 5;
        sheet.Text(groupRow, 1, string.Empty);
        for (var p = 0; p < Periods.Length; p++)
        {
            var column = 2 + (p * 3);
            var group = sheet.Text(groupRow, column, Periods[p].Label, measure: false);
            group.Style.Font.Bold = true;
            sheet.Sheet.Range(groupRow, column, groupRow, column + 2).Merge();
            sheet.Header(headerRow, column, "Rep", "Team median", "vs team");
        }
        var benchmarkGroup = sheet.Text(groupRow, BenchmarkColumn, "Industry benchmark", measure: false);
        benchmarkGroup.Style.Font.Bold = true;
        sheet.Sheet.Range(groupRow, BenchmarkColumn, groupRow, BenchmarkColumn + 1).Merge();
        sheet.Header(headerRow, BenchmarkColumn, "Benchmark", "12 months vs benchmark");
        sheet.Header(headerRow, 1, "Metric");
        var row = headerRow + 1;
        SummaryRow(sheet, row++, "Won amount", Formats.Currency, true, kpi => (double)kpi.WonAmount);
        SummaryRow(sheet, row++, "Won deals", Formats.Count, true, kpi => kpi.WonCount);
        SummaryRow(sheet, row++, "Win rate", Formats.Percent, true, kpi => kpi.WinRate, data.Benchmarks.Find(BenchmarkTable.WinRate));
        SummaryRow(sheet, row++, "Average won deal size", Formats.Currency, true, kpi => (double?)kpi.AverageWonAmount);
        SummaryRow(sheet, row++, "Median sales cycle (won deals)", Formats.Days, false, kpi => kpi.MedianCycleDays, data.Benchmarks.Find(BenchmarkTable.CycleDays));
        SummaryRow(sheet, row++, "Quota attainment", Formats.Percent, true, kpi => kpi.Attainment);
        VelocityRow(sheet, row++);
        for (var p = 0; p <= Periods.Length; p++)
        {
            var first = 2 + (p * 3);
            var last = p < Periods.Length ? first + 2 : first + 1;
            var tile = sheet.Sheet.Range(groupRow, first, row - 1, last);
            tile.Style.Border.OutsideBorder = XLBorderStyleValues.Medium;
            sheet.Sheet.Range(headerRow + 1, first, row - 1, first).Style.Font.Bold = p < Periods.Length;
        }
        row++;
        if (!HasPeers)
            sheet.Note(row++, "Team of one: no peers to compare, so the team median is the rep's own figure.");
        var kpi12 = data.Kpis[(rep.RepId, ScorecardData.Trailing12Months)];
        if (kpi12.ClosedCount == 0)
            sheet.Note(row++, "No deals closed in the last 12 months: win rate, deal size and cycle are shown as \"-\".");
        sheet.Note(row++, "Team median: the median over the team's reps with deals in the last 12 months (the rep included). Higher is better, except the sales cycle.");
        sheet.Note(row++, "Win rate = won / closed; deal size = mean won amount; cycle = days from start to close (METRICS.md section 5).");
        sheet.Note(row++, "Quota attainment: amount won since the start of the quota periods that begin in the period, against their quotas; \"-\" where no quota period begins in it.");
        sheet.Note(row++, "Velocity = open opportunities x win rate x average won amount / average won cycle over the 365 days before the as-of date (amount per day).");
        row = BenchmarkNotes(sheet, row + 1, BenchmarkColumn + 1, [BenchmarkTable.WinRate, BenchmarkTable.CycleDays]);
        sheet.Sheet.SheetView.FreezeRows(headerRow);
        sheet.Sheet.PageSetup.SetRowsToRepeatAtTop(groupRow, headerRow);
        sheet.Finish();
        sheet.Sheet.Column(1).Width = 32;
    }

    /// <summary>The column of the benchmark and its marker, after the three period tiles.</summary>
    private const int BenchmarkColumn = 2 + (3 * 3);

    private void SummaryRow(SheetWriter sheet, int row, string label, string format, bool higherIsBetter, Func<RepKpi, double?> value, Benchmark? benchmark = null)
    {
        sheet.Text(row, 1, label);
        for (var p = 0; p < Periods.Length; p++)
        {
            var mine = value(data.Kpis[(rep.RepId, Periods[p].Period)]);
            var median = Median.Of(Team.Select(member => value(data.Kpis[(member.RepId, Periods[p].Period)])));
            Compared(sheet, row, 2 + (p * 3), mine, median, format, higherIsBetter);
        }
        AgainstBenchmark(sheet, row, BenchmarkColumn, value(data.Kpis[(rep.RepId, ScorecardData.Trailing12Months)]), benchmark, format, higherIsBetter);
    }

    /// <summary>The benchmark figure and a better/worse marker, or "no benchmark" where the table has none.</summary>
    private static void AgainstBenchmark(SheetWriter sheet, int row, int column, double? mine, Benchmark? benchmark, string format, bool higherIsBetter)
    {
        if (benchmark is null)
        {
            var none = sheet.Text(row, column, NoBenchmark);
            none.Style.Font.FontColor = XLColor.FromHtml(Formats.NoteColour);
            none.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            sheet.Missing(row, column + 1);
            return;
        }
        sheet.Number(row, column, benchmark.Value, format);
        Marker(sheet, row, column + 1, mine, benchmark.Value, higherIsBetter);
    }

    /// <summary>Lists the benchmark figures a sheet uses with their source, year and definition.</summary>
    private int BenchmarkNotes(SheetWriter sheet, int row, int lastColumn, IEnumerable<string> metrics)
    {
        sheet.Section(row++, "Industry benchmarks");
        var used = data.Benchmarks.Rows
            .Where(b => b.LeadType is null && metrics.Contains(b.Metric))
            .ToList();
        foreach (var b in used)
        {
            var figure = b.Metric == BenchmarkTable.CycleDays
                ? b.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " days"
                : b.Value.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);
            sheet.Paragraph(row++, $"{BenchmarkLabel(b)} {figure}: {b.Source}, {b.Year}. {b.Definition}{(b.Url is null ? "" : " " + b.Url)}", lastColumn);
        }
        sheet.Paragraph(row++, used.Count == 0
            ? $"The benchmark table ({Path.GetFileName(data.Benchmarks.Path)}) holds no published figure for these measures, so they show \"{NoBenchmark}\"."
            : $"\"{NoBenchmark}\": no published figure with a source, year and definition covers it, so none is shown. Table: {Path.GetFileName(data.Benchmarks.Path)}.", lastColumn);
        return row;
    }

    private const string NoBenchmark = "no benchmark";

    private static string BenchmarkLabel(Benchmark b) => b.Metric switch
    {
        BenchmarkTable.WinRate => "Win rate",
        BenchmarkTable.CycleDays => "Sales cycle",
        _ => Stages.StepLabel(Array.IndexOf(Stages.Names, b.Stage) + 1) + " conversion",
    };

    private void VelocityRow(SheetWriter sheet, int row)
    {
        sheet.Text(row, 1, "Velocity (per day, 365-day window)");
        for (var p = 0; p < Periods.Length - 1; p++)
        {
            sheet.Missing(row, 2 + (p * 3));
            sheet.Missing(row, 3 + (p * 3));
            sheet.Missing(row, 4 + (p * 3));
        }
        var mine = data.Velocity.TryGetValue(rep.RepId, out var velocity) ? velocity.VelocityPerDay : null;
        var median = Median.Of(Team.Select(member => data.Velocity.TryGetValue(member.RepId, out var other) ? other.VelocityPerDay : null));
        Compared(sheet, row, 8, mine, median, Formats.Currency, true);
        AgainstBenchmark(sheet, row, BenchmarkColumn, mine, null, Formats.Currency, true);
    }

    /// <summary>Rep value, team median, and a marker: "better" in green, "worse" in red, "same", or "-".</summary>
    private void Compared(SheetWriter sheet, int row, int column, double? mine, double? median, string format, bool higherIsBetter)
    {
        sheet.Number(row, column, mine, format);
        sheet.Number(row, column + 1, median, format);
        if (!HasPeers)
            sheet.Missing(row, column + 2);
        else
            Marker(sheet, row, column + 2, mine, median, higherIsBetter);
    }

    /// <summary>"▲ better" in green, "▼ worse" in red, "= same", or "-" when either figure is missing.</summary>
    private static void Marker(SheetWriter sheet, int row, int column, double? mine, double? other, bool higherIsBetter)
    {
        if (mine is not { } a || other is not { } b)
        {
            sheet.Missing(row, column);
            return;
        }
        var better = higherIsBetter ? a > b : a < b;
        var text = a == b ? "= same" : better ? "▲ better" : "▼ worse";
        var cell = sheet.Text(row, column, text);
        if (a != b)
        {
            cell.Style.Font.FontColor = XLColor.FromHtml(better ? Formats.Better : Formats.Worse);
            cell.Style.Font.Bold = true;
        }
    }
}
