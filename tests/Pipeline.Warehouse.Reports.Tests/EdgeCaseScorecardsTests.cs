using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class EdgeCaseScorecardsTests(EdgeCaseWarehouse warehouse) : IClassFixture<EdgeCaseWarehouse>
{
    private string RepFile(string repId) => warehouse.Result.RepFiles.Single(path => Path.GetFileName(path).StartsWith(repId + "-", StringComparison.Ordinal));

    [Fact]
    public void Write_UntrustedNames_FilesStayInTheirFolderWithSanitizedNames()
    {
        // "../../etc/passwd" keeps its letters, separators become '-'; "Zoë O'Neil" loses the
        // accent and the apostrophe; team "Solo" is a plain name.
        warehouse.Result.RepFiles.Select(Path.GetFileName).Should().BeEquivalentTo("R1-etc-passwd.xlsx", "R2-Zoe-ONeil.xlsx", "R3-Solo-Rep.xlsx");
        warehouse.Result.ManagerFiles.Select(Path.GetFileName).Should().BeEquivalentTo("East.xlsx", "Solo.xlsx");
        var output = Path.GetFullPath(warehouse.Output);
        warehouse.AllFiles.Should().OnlyContain(path => Path.GetFullPath(path).StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Directory.EnumerateFiles(warehouse.Root, "*", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(output, StringComparison.Ordinal) && !path.StartsWith(warehouse.Input, StringComparison.Ordinal))
            .Should().OnlyContain(path => path.StartsWith(warehouse.Warehouse, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_FormulaLikeText_StaysLiteralStringCells()
    {
        using var workbook = new XLWorkbook(RepFile("R1"));
        var closed = workbook.Worksheet("Closed deals");
        var cells = Enumerable.Range(5, 2).SelectMany(row => Enumerable.Range(1, 9).Select(column => closed.Cell(row, column))).ToList();
        var literal = new[] { EdgeCaseWarehouse.FormulaDeal, EdgeCaseWarehouse.PlusAccount, EdgeCaseWarehouse.AtLossReason, "-2+3" };
        foreach (var text in literal)
        {
            var matches = cells.Where(cell => cell.GetString() == text).ToList();
            matches.Should().NotBeEmpty(text);
            matches.Should().OnlyContain(cell => cell.DataType == XLDataType.Text && !cell.HasFormula && cell.FormulaA1.Length == 0, text);
        }
        var summary = workbook.Worksheet("Summary");
        summary.Cell(1, 1).GetString().Should().Contain("../../etc/passwd (R1)");
        summary.Cell(1, 1).HasFormula.Should().BeFalse();
    }

    [Fact]
    public void RepWithNoClosedDeals_RatesShownAsDashWithANote()
    {
        using var workbook = new XLWorkbook(RepFile("R2"));
        var summary = workbook.Worksheet("Summary");
        summary.Cell(8, 1).GetString().Should().Be("Win rate");
        summary.Cell(8, 8).GetString().Should().Be("-");
        summary.Cell(6, 8).GetDouble().Should().Be(0);
        summary.Column(1).CellsUsed().Select(cell => cell.GetString()).Should().Contain(text => text.StartsWith("No deals closed in the last 12 months", StringComparison.Ordinal));
        var closed = workbook.Worksheet("Closed deals");
        closed.Cell(5, 1).GetString().Should().Be("No deals won or lost in the last 12 months.");
        workbook.Worksheet("Funnel").Column(1).CellsUsed().Select(cell => cell.GetString())
            .Should().Contain("No weak stage against the team in the last 180 days.");
    }

    [Fact]
    public void TeamOfOne_SaysThereAreNoPeers()
    {
        using var rep = new XLWorkbook(RepFile("R3"));
        rep.Worksheet("Summary").Column(1).CellsUsed().Select(cell => cell.GetString())
            .Should().Contain(text => text.StartsWith("Team of one: no peers to compare", StringComparison.Ordinal));
        rep.Worksheet("Summary").Cell(6, 10).GetString().Should().Be("-");
        using var manager = new XLWorkbook(warehouse.Result.ManagerFiles.Single(path => path.EndsWith("Solo.xlsx", StringComparison.Ordinal)));
        manager.Worksheet("Roster").Column(1).CellsUsed().Select(cell => cell.GetString()).Should().Contain("Team of one: no peers to compare.");
        manager.Worksheet("Coaching").Column(1).CellsUsed().Select(cell => cell.GetString())
            .Should().Contain("Team of one: no peers to compare against, so no coaching flags.");
        manager.Worksheet("Stalled deals").Cell(5, 1).GetString().Should().Be("No stalled deals.");
    }

    [Fact]
    public void EveryWorkbook_OpenXmlValidator_ReportsNoError()
    {
        warehouse.AllFiles.SelectMany(WorkbookCheck.Errors).Should().BeEmpty();
    }
}
