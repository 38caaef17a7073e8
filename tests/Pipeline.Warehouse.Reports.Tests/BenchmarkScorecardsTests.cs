using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Benchmarks;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>The industry benchmarks in the rep workbooks: the shipped table, and a user's own file.</summary>
public sealed class BenchmarkScorecardsTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    private const string WinRateLabel = "Opportunity win rate (won / closed of deals that reached opportunity)";
    private const string CycleLabel = "Median sales cycle (won deals)";

    // Summary benchmark table: A measure, B the rep's trailing 12 months, C benchmark, D fit, E vs benchmark, F note.
    // Funnel: G benchmark, H fit, I vs benchmark, K the benchmark's note; C the rep's conversion.
    private static (int WinRate, int Cycle) BenchmarkRows(IXLWorksheet summary)
    {
        var section = SheetRead.Row(summary, RepWorkbook.BenchmarkSection);
        return (SheetRead.Row(summary, WinRateLabel, section), SheetRead.Row(summary, CycleLabel, section));
    }

    private static string RepId(string path) => Path.GetFileName(path).Split('-')[0];

    [Fact]
    public void Summary_ShippedTable_ApproximateFiguresWithTheirNoteAndNoArrow()
    {
        var table = BenchmarkTable.Default();
        var winRate = table.Find(BenchmarkTable.OpportunityToWon)!;
        var cycle = table.Find(BenchmarkTable.CycleDays)!;
        winRate.IsApproximate.Should().BeTrue();
        cycle.IsApproximate.Should().BeTrue();
        foreach (var path in demo.Result.RepFiles.Take(5))
        {
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet("Summary");
            var (winRow, cycleRow) = BenchmarkRows(summary);
            // The published win rate is set beside the opportunity win rate of scope_periods, never the lead-to-won win rate.
            var mart = demo.Rows("select opportunity_win_rate, median_cycle_days from marts.scope_periods where scope_type = 'rep' and rep_id = $rep and period = 'trailing_12_months'", ("rep", RepId(path))).Single();
            summary.Cell(winRow, 2).ShouldShow(mart[0], path);
            summary.Cell(cycleRow, 2).ShouldShow(mart[1], path);
            foreach (var (row, benchmark, format) in new[] { (winRow, winRate, Formats.Percent), (cycleRow, cycle, Formats.Days) })
            {
                summary.Cell(row, 3).GetDouble().Should().Be(benchmark.Value, path);
                summary.Cell(row, 3).Style.NumberFormat.Format.Should().Be(format);
                summary.Cell(row, 4).GetString().Should().Be("approximate");
                summary.Cell(row, 5).GetString().Should().Be(WorkbookWords.NotCompared);
                summary.Cell(row, 6).GetString().Should().Be(benchmark.Note);
            }
            var notes = SheetRead.ColumnA(summary);
            notes.Should().Contain(text => text.StartsWith("Opportunity win rate 30%: " + winRate.Source + ", 2014. " + winRate.Definition, StringComparison.Ordinal) && text.EndsWith(winRate.Note!, StringComparison.Ordinal));
            NoArrows(workbook, path);
        }
    }

    [Fact]
    public void Funnel_ShippedTable_ApproximateStepsShowFigureAndNote_OthersNoBenchmark()
    {
        var table = BenchmarkTable.Default();
        var connect = table.Find(BenchmarkTable.StageConversion, "connect_call")!;
        using var workbook = new XLWorkbook(demo.Result.RepFiles[0]);
        var funnel = workbook.Worksheet("Funnel");
        var row = SheetRead.Row(funnel, "Connect call → Discovery call");
        funnel.Cell(row, 7).GetDouble().Should().Be(connect.Value);
        funnel.Cell(row, 8).GetString().Should().Be("approximate");
        funnel.Cell(row, 9).GetString().Should().Be(WorkbookWords.NotCompared);
        funnel.Cell(row, 11).GetString().Should().Be(connect.Note);
        funnel.Cell(SheetRead.Row(funnel, "Discovery call → Opportunity"), 7).GetString().Should().Be("no benchmark");
        SheetRead.ColumnA(funnel).Should().Contain(text => text.StartsWith("Connect call → Discovery call conversion 4.82%: " + connect.Source, StringComparison.Ordinal));
        NoArrows(workbook, demo.Result.RepFiles[0]);
    }

    [Fact]
    public void Write_UsersExactFigures_ComparedWithinTheStatedTolerance()
    {
        var folder = Path.Combine(demo.Root, "own-benchmarks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "ours.csv");
        File.WriteAllText(file, """
            metric,stage,lead_type,value,fit,note,source,year,definition,url
            stage_conversion,discovery_call,,40%,exact,,Our 2025 review,2025,Discovery calls that became opportunities,
            cycle_days,,,84,exact,,Our 2025 review,2025,Median days from start to a won close,
            """);

        var result = Scorecards.Write(demo.Warehouse, Path.Combine(folder, "out"), benchmarks: BenchmarkTable.Load(file));

        foreach (var path in result.RepFiles.Take(6))
        {
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet("Summary");
            var (winRow, cycleRow) = BenchmarkRows(summary);
            summary.Cell(winRow, 3).GetString().Should().Be("no benchmark", "the user's table has no opportunity win rate");
            summary.Cell(cycleRow, 3).GetDouble().Should().Be(84);
            summary.Cell(cycleRow, 4).GetString().Should().Be("exact");
            summary.Cell(cycleRow, 5).GetString().Should().Be(Expected(summary.Cell(cycleRow, 2), 84), path);
            SheetRead.ColumnA(summary).Should().Contain(text => text.Contains("\"about the same\" when within 10% of it (relative)"));

            var funnel = workbook.Worksheet("Funnel");
            var discovery = SheetRead.Row(funnel, "Discovery call → Opportunity");
            funnel.Cell(discovery, 7).GetDouble().Should().Be(0.40);
            funnel.Cell(discovery, 9).GetString().Should().Be(Expected(funnel.Cell(discovery, 3), 0.40), path);
            funnel.Cell(discovery + 1, 7).GetString().Should().Be("no benchmark");
            SheetRead.ColumnA(funnel).Should().Contain(text => text.StartsWith("Discovery call → Opportunity conversion 40%: Our 2025 review, 2025. Discovery calls that became opportunities", StringComparison.Ordinal));
            NoArrows(workbook, path);
        }
        WorkbookCheck.Errors(result.RepFiles[0]).Should().BeEmpty();

        // Within 10% of the benchmark (relative) is "about the same"; beyond it, above or below; "-" without a figure of the rep.
        static string Expected(IXLCell mine, double benchmark) => mine.GetString() == "-"
            ? "-"
            : Math.Abs(mine.GetDouble() - benchmark) <= 0.1 * benchmark ? "about the same" : mine.GetDouble() > benchmark ? "above" : "below";
    }

    [Fact]
    public void Write_OldFormatTable_WinRateReadAsApproximateOpportunityToWonWithItsNote()
    {
        var folder = Path.Combine(demo.Root, "old-benchmarks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "old.csv");
        File.WriteAllText(file, """
            metric,stage,lead_type,value,source,year,definition,url
            win_rate,,,21%,Some survey,2023,Won / closed opportunities,
            """);

        var result = Scorecards.Write(demo.Warehouse, Path.Combine(folder, "out"), benchmarks: BenchmarkTable.Load(file));

        using var workbook = new XLWorkbook(result.RepFiles[0]);
        var summary = workbook.Worksheet("Summary");
        var (winRow, _) = BenchmarkRows(summary);
        summary.Cell(winRow, 3).GetDouble().Should().Be(0.21);
        summary.Cell(winRow, 4).GetString().Should().Be("approximate");
        summary.Cell(winRow, 5).GetString().Should().Be(WorkbookWords.NotCompared);
        summary.Cell(winRow, 6).GetString().Should().Be(BenchmarkTable.OldFormatWinRateNote);
        SheetRead.ColumnA(summary).Should().Contain(text => text.StartsWith("Benchmark file ", StringComparison.Ordinal) && text.Contains("is in the old format"));
        NoArrows(workbook, result.RepFiles[0]);
    }

    /// <summary>No better/worse arrow anywhere: verdicts are words, and approximate benchmarks are not compared.</summary>
    private static void NoArrows(XLWorkbook workbook, string path)
    {
        foreach (var (sheet, cell) in SheetRead.Cells(workbook))
            cell.GetString().Should().NotContainAny(["▲", "▼"], $"{path} {sheet} {cell.Address}");
    }
}
