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
        var compare = SheetRead.Row(summary, RepWorkbook.CompareSection);
        // Column I: the rep's trailing 12 months.
        summary.Cell(SheetRead.Row(summary, "Win rate (won / closed)", compare), 9).GetString().Should().Be("-");
        summary.Cell(SheetRead.Row(summary, "Won amount", compare), 9).GetDouble().Should().Be(0);
        SheetRead.ColumnA(summary).Should().Contain(text => text.StartsWith("No deals closed in the last 12 months", StringComparison.Ordinal));
        SheetRead.ColumnA(summary).Should().NotContain(RepWorkbook.NoDealsText, "R2 has an open deal");
        var closed = workbook.Worksheet("Closed deals");
        closed.Cell(5, 1).GetString().Should().Be("No deals won or lost in the last 12 months.");
        // The Summary's funnel line and the Funnel sheet's note say the same sentence.
        var line = SheetRead.ColumnA(summary).Single(text => text.StartsWith("Funnel:", StringComparison.Ordinal));
        var sentence = line["Funnel: ".Length..^" (see the Funnel sheet).".Length];
        SheetRead.ColumnA(workbook.Worksheet("Funnel")).Should().Contain(char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".");
        workbook.Worksheet("Funnel").Column(6).CellsUsed().Select(cell => cell.GetString()).Should().NotContain("weaker");
    }

    [Fact]
    public void TeamOfOne_SaysThereAreNoPeers()
    {
        using var rep = new XLWorkbook(RepFile("R3"));
        var summary = rep.Worksheet("Summary");
        SheetRead.ColumnA(summary).Should().Contain(text => text.StartsWith("Team of one: no peers to compare", StringComparison.Ordinal));
        var amount = SheetRead.Row(summary, "Won amount", SheetRead.Row(summary, RepWorkbook.CompareSection));
        summary.Cell(amount, 11).GetString().Should().Be("no peers", "the verdict of marts.rep_comparison, in words");
        using var manager = new XLWorkbook(warehouse.Result.ManagerFiles.Single(path => path.EndsWith("Solo.xlsx", StringComparison.Ordinal)));
        SheetRead.ColumnA(manager.Worksheet("Roster")).Should().Contain("Team of one: no peers to compare.");
        SheetRead.ColumnA(manager.Worksheet("Coaching")).Should().Contain("Team of one: no peers to compare against, so no coaching flags.");
        manager.Worksheet("Stalled deals").Cell(5, 1).GetString().Should().Be("No stalled deals.");
    }

    [Fact]
    public void EveryWorkbook_OpenXmlValidator_ReportsNoError()
    {
        warehouse.AllFiles.SelectMany(WorkbookCheck.Errors).Should().BeEmpty();
    }
}
