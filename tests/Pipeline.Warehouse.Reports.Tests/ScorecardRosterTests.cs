using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// Every current rep gets a workbook, the roster lists every rep of the team with the figures of
/// marts.period_attainment, and inactive reps and reps without deals are said so in words.
/// </summary>
public sealed class ScorecardRosterTests(RosterWarehouse warehouse) : IClassFixture<RosterWarehouse>
{
    private string RepFile(string repId) => warehouse.Result.RepFiles.Single(path => Path.GetFileName(path).StartsWith(repId + "-", StringComparison.Ordinal));

    [Fact]
    public void Write_EveryCurrentRep_GetsAWorkbookWithOrWithoutDeals()
    {
        warehouse.Result.RepFiles.Select(Path.GetFileName).Should().BeEquivalentTo("R1-Ann-Lee.xlsx", "R2-Ben-Roe.xlsx", "R3-Cy-Dee.xlsx");
        warehouse.Result.ManagerFiles.Select(Path.GetFileName).Should().Equal("North.xlsx");
    }

    [Fact]
    public void RepWithNoDeals_SummarySaysSoPlainly_FiguresZero()
    {
        using var workbook = new XLWorkbook(RepFile("R2"));
        var summary = workbook.Worksheet(RepWorkbook.SummarySheet);
        SheetRead.ColumnA(summary).Should().Contain(RepWorkbook.NoDealsText);
        var won = SheetRead.Row(summary, "Won to date");
        summary.Cell(won, 2).GetDouble().Should().Be(0);
        summary.Cell(won, 3).GetDouble().Should().Be(0);
        // R2 has no quota: quota, gap, attainment and coverage are "-" and a note says why.
        summary.Cell(SheetRead.Row(summary, "Quota"), 3).GetString().Should().Be("-");
        SheetRead.ColumnA(summary).Should().Contain(text => text.StartsWith("No quota for a period", StringComparison.Ordinal));
        var amount = SheetRead.Row(summary, "Won amount", SheetRead.Row(summary, RepWorkbook.CompareSection));
        summary.Cell(amount, 9).GetDouble().Should().Be(0, "column I: the rep's trailing 12 months");
        workbook.Worksheet(RepWorkbook.OpenDealsSheet).Cell(5, 1).GetString().Should().Be("No open deals.");
        workbook.Worksheet(RepWorkbook.ClosedDealsSheet).Cell(5, 1).GetString().Should().Be("No deals won or lost in the last 12 months.");
        using var manager = new XLWorkbook(warehouse.Result.ManagerFiles[0]);
        var roster = manager.Worksheet(ManagerWorkbook.RosterSheet);
        var row = roster.Column(1).CellsUsed().First(cell => cell.GetString() == "R2").Address.RowNumber;
        roster.Cell(row, 5).GetDouble().Should().Be(0, "listed with zeros");
    }

    [Fact]
    public void InactiveRepWithOpenDeals_MarkedHighlightedAndNamedInANote()
    {
        using var manager = new XLWorkbook(warehouse.Result.ManagerFiles[0]);
        var roster = manager.Worksheet(ManagerWorkbook.RosterSheet);
        var rows = roster.Column(1).CellsUsed().Where(cell => cell.GetString() == "R3").Select(cell => cell.Address.RowNumber).ToList();
        rows.Should().HaveCount(2, "one row in the quarter's table, one in the month's");
        foreach (var row in rows)
        {
            roster.Cell(row, 3).GetString().Should().Be("no (inactive)");
            roster.Cell(row, 1).Style.Fill.BackgroundColor.Should().Be(XLColor.FromHtml(Formats.OverdueFill));
        }
        // D4, amount 1200, is R3's one open deal.
        SheetRead.ColumnA(roster).Should().Contain("Cy Dee (R3) is marked inactive but still owns 1 open deals worth $1,200: reassign them.");
        var active = roster.Column(1).CellsUsed().First(cell => cell.GetString() == "R1").Address.RowNumber;
        roster.Cell(active, 3).GetString().Should().Be("yes");
        using var rep = new XLWorkbook(RepFile("R3"));
        SheetRead.ColumnA(rep.Worksheet(RepWorkbook.SummarySheet)).Should().Contain(text => text.StartsWith("Marked inactive in reps.csv, yet owns 1 open deals worth $1,200", StringComparison.Ordinal));
    }

    [Fact]
    public void Roster_RepTotalAndMedianRows_AreTheMartsRows_SortedByAttainment()
    {
        RosterCheck.Manager(warehouse, warehouse.Result.ManagerFiles[0], "North");
        using var manager = new XLWorkbook(warehouse.Result.ManagerFiles[0]);
        var roster = manager.Worksheet(ManagerWorkbook.RosterSheet);
        // Only R1 has a quota (9,000 for the quarter): first; R2 and R3 without one follow by name.
        roster.Cell(6, 1).GetString().Should().Be("R1");
        roster.Cell(6, 4).GetDouble().Should().Be(9000);
        roster.Cell(7, 1).GetString().Should().Be("R2");
        roster.Cell(8, 1).GetString().Should().Be("R3");
        roster.Cell(2, 1).GetString().Should().Contain("sorted by attainment, highest first, reps without a quota last");
    }

    [Fact]
    public void EveryWorkbook_OpenXmlValidator_ReportsNoError()
    {
        warehouse.AllFiles.SelectMany(WorkbookCheck.Errors).Should().BeEmpty();
    }
}
