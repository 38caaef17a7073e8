using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Benchmarks;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>The industry benchmarks in the rep workbooks: the shipped table, and a user's own file.</summary>
public sealed class BenchmarkScorecardsTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    // Summary: rows 6-12 are won amount, won deals, win rate, deal size, cycle, attainment, velocity;
    // columns 8-10 the trailing 12 months, 11 the benchmark, 12 the marker against it.
    private const int WinRateRow = 8, CycleRow = 10, Trailing12 = 8, SummaryBenchmark = 11;

    // Funnel: rows 6-13 are stages 1-8; columns 10-13 the last 12 months, 14 the benchmark, 15 the marker.
    private const int FunnelTrailing12 = 11, FunnelBenchmark = 14;

    [Fact]
    public void Summary_ShippedTable_WinRateAgainstItsBenchmarkAndNoBenchmarkElsewhere()
    {
        var winRate = BenchmarkTable.Default().Find(BenchmarkTable.WinRate)!;
        foreach (var path in demo.Result.RepFiles.Take(5))
        {
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet("Summary");
            summary.Cell(4, SummaryBenchmark).GetString().Should().Be("Industry benchmark");
            summary.Cell(WinRateRow, SummaryBenchmark).GetDouble().Should().Be(winRate.Value, path);
            summary.Cell(WinRateRow, SummaryBenchmark).Style.NumberFormat.Format.Should().Be(Formats.Percent);
            var mine = summary.Cell(WinRateRow, Trailing12).GetDouble();
            summary.Cell(WinRateRow, SummaryBenchmark + 1).GetString().Should().Be(mine > winRate.Value ? "▲ better" : mine < winRate.Value ? "▼ worse" : "= same", path);
            foreach (var row in new[] { 6, 7, 9, 10, 11, 12 })
            {
                summary.Cell(row, SummaryBenchmark).GetString().Should().Be("no benchmark", $"{path} row {row}");
                summary.Cell(row, SummaryBenchmark + 1).GetString().Should().Be("-");
            }
            var notes = summary.Column(1).CellsUsed().Select(cell => cell.GetString()).ToList();
            notes.Should().Contain("Industry benchmarks");
            notes.Should().Contain(text => text.StartsWith("Win rate 21%: " + winRate.Source + ", 2023. " + winRate.Definition, StringComparison.Ordinal));
            notes.Should().Contain(text => text.StartsWith("\"no benchmark\": no published figure", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Funnel_ShippedTable_EveryStepSaysNoBenchmark()
    {
        using var workbook = new XLWorkbook(demo.Result.RepFiles[0]);
        var funnel = workbook.Worksheet("Funnel");
        foreach (var row in Enumerable.Range(6, 8))
            funnel.Cell(row, FunnelBenchmark).GetString().Should().Be("no benchmark");
        funnel.Column(1).CellsUsed().Select(cell => cell.GetString())
            .Should().Contain(text => text.StartsWith("The benchmark table (default.csv) holds no published figure for these measures", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_UsersOwnTable_ItsFiguresReplaceTheShippedOnes()
    {
        var folder = Path.Combine(demo.Root, "own-benchmarks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "ours.csv");
        File.WriteAllText(file, """
            metric,stage,lead_type,value,source,year,definition,url
            stage_conversion,discovery_call,,40%,Our 2025 review,2025,Discovery calls that became opportunities,
            cycle_days,,,84,Our 2025 review,2025,Median days from start to a won close,
            """);

        var result = Scorecards.Write(demo.Warehouse, Path.Combine(folder, "out"), benchmarks: BenchmarkTable.Load(file));

        using var workbook = new XLWorkbook(result.RepFiles[0]);
        var summary = workbook.Worksheet("Summary");
        summary.Cell(WinRateRow, SummaryBenchmark).GetString().Should().Be("no benchmark", "the user's table has no win rate");
        summary.Cell(CycleRow, SummaryBenchmark).GetDouble().Should().Be(84);
        summary.Cell(CycleRow, SummaryBenchmark).Style.NumberFormat.Format.Should().Be(Formats.Days);
        var cycle = summary.Cell(CycleRow, Trailing12).GetDouble();
        summary.Cell(CycleRow, SummaryBenchmark + 1).GetString().Should().Be(cycle < 84 ? "▲ better" : cycle > 84 ? "▼ worse" : "= same", "a shorter cycle is better");

        var funnel = workbook.Worksheet("Funnel");
        const int discoveryRow = 5 + 3;
        funnel.Cell(discoveryRow, FunnelBenchmark).GetDouble().Should().Be(0.40);
        var conversion = funnel.Cell(discoveryRow, FunnelTrailing12).GetDouble();
        funnel.Cell(discoveryRow, FunnelBenchmark + 1).GetString().Should().Be(conversion > 0.40 ? "▲ better" : "▼ worse");
        funnel.Cell(discoveryRow + 1, FunnelBenchmark).GetString().Should().Be("no benchmark");
        funnel.Column(1).CellsUsed().Select(cell => cell.GetString())
            .Should().Contain("Discovery call → Opportunity conversion 40%: Our 2025 review, 2025. Discovery calls that became opportunities");
        WorkbookCheck.Errors(result.RepFiles[0]).Should().BeEmpty();
    }
}
