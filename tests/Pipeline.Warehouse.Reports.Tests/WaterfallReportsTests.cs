using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// The pipeline waterfall in the reports (issue 12): the movement page of the executive and team
/// PDFs and the manager workbook's "Pipeline movement" sheet, read back and held against
/// marts.pipeline_waterfall and marts.pipeline_waterfall_deals of the demo warehouse (one night, as
/// of 2026-11-30: the periods' starts come from the timelines).
/// </summary>
public sealed class WaterfallReportsTests(DemoHealthReports reports) : IClassFixture<DemoHealthReports>
{
    private BuiltWarehouse Demo => reports.Warehouse;

    /// <summary>The current period's movements of a scope: movement -> (deals, amount).</summary>
    private Dictionary<string, (long Deals, decimal Amount)> Current(string scope, string periodType) => Demo.Rows(
            "select movement, deals, amount from marts.pipeline_waterfall where period = 'current' and scope = $scope and period_type = $period_type",
            ("scope", scope), ("period_type", periodType))
        .ToDictionary(row => (string)row[0]!, row => (Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture), (decimal)row[2]!));

    private static string Compact(decimal amount) => HealthFormat.Compact(amount, "$");

    private static string MovementPage(string pdf, string heading) =>
        PdfText.Pages(pdf).Single(page => page.Contains(heading, StringComparison.Ordinal));

    [Fact]
    public void ExecutivePdf_MovementPage_AnswersHowTheQuarterMovedFirst_ThenTheMonth()
    {
        var page = MovementPage(reports.Health.ExecutiveFile, "How the pipeline moved");
        var quarter = Current("company", "quarter");
        var month = Current("company", "month");
        var quarterSentence = $"Q4 2026, Oct 1 to Nov 30: the pipeline expected to close in the quarter went from {Compact(quarter["start"].Amount)} ({quarter["start"].Deals} deals) to {Compact(quarter["end"].Amount)} ({quarter["end"].Deals} deals).";
        var monthSentence = $"November 2026, Nov 1 to Nov 30: the pipeline expected to close in the month went from {Compact(month["start"].Amount)} ({month["start"].Deals} deals)";
        page.Should().Contain(quarterSentence).And.Contain(monthSentence);
        page.IndexOf(quarterSentence, StringComparison.Ordinal).Should().BeLessThan(page.IndexOf(monthSentence, StringComparison.Ordinal));
        page.Should().Contain($"{Compact(quarter["won"].Amount)} won ({quarter["won"].Deals})");
        // One night in the warehouse: both starts rebuilt from the timelines, both ends tonight's snapshot.
        page.Should().Contain("From the nightly snapshot of the night before: the end of Q4 2026 (Nov 30), the end of November 2026 (Nov 30).")
            .And.Contain("Rebuilt from the deals' timelines").And.Contain("the start of Q4 2026 (Oct 1), the start of November 2026 (Nov 1).");
    }

    [Fact]
    public void ExecutivePdf_LargestDealsBehindEachMovement_AreTheMartsTopFive()
    {
        var text = string.Join(" ", PdfText.Pages(reports.Health.ExecutiveFile));
        text.Should().Contain("Largest deals behind each movement of Q4 2026 (top 5 each)");
        var won = Demo.Rows("""
            select deal_name, amount from marts.pipeline_waterfall_deals
            where period = 'current' and period_type = 'quarter' and scope = 'company' and movement = 'won' and rank <= 5
            order by rank
            """);
        won.Should().HaveCount(5);
        foreach (var deal in won)
            text.Should().Contain(HealthFormat.Amount((decimal)deal[1]!, "$"), $"won deal {deal[0]}");
        var sixth = Demo.Rows("select deal_name from marts.pipeline_waterfall_deals where period = 'current' and period_type = 'quarter' and scope = 'company' and movement = 'won' and rank = 6");
        if (sixth.Count > 0)
            text.Should().NotContain((string)sixth[0][0]!, "only the 5 largest of each movement are listed");
    }

    [Fact]
    public void TeamPdf_MovementPage_IsTheTeamsOwn()
    {
        foreach (var file in reports.Health.ManagerFiles)
        {
            var team = Demo.Rows("select distinct team from marts.pipeline_waterfall where scope_type = 'team'")
                .Select(row => (string)row[0]!).Single(name => PdfText.Pages(file)[0].Contains($"team {name}", StringComparison.Ordinal));
            var page = MovementPage(file, $"How team {team}'s pipeline moved");
            var quarter = Current(team, "quarter");
            page.Should().Contain($"went from {Compact(quarter["start"].Amount)} ({HealthFormat.Deals(quarter["start"].Deals)}) to {Compact(quarter["end"].Amount)} ({HealthFormat.Deals(quarter["end"].Deals)})", team);
        }
    }

    [Fact]
    public void ManagerWorkbook_PipelineMovementSheet_PeriodsAndTheDealsBehindEachMovement()
    {
        var path = reports.Warehouse.Result.ManagerFiles[0];
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet("Pipeline movement");
        var team = sheet.Cell(1, 1).GetString()["Team ".Length..^": pipeline movement".Length];
        // The current quarter's row: start ... end as numbers, and where its start and end come from.
        var quarterRow = SheetRead.Row(sheet, "Q4 2026 (to date)");
        var quarter = Current(team, "quarter");
        sheet.Cell(quarterRow, 4).GetString().Should().Be("timeline");
        sheet.Cell(quarterRow, 5).GetString().Should().Be("snapshot");
        sheet.Cell(quarterRow, 6).GetDouble().Should().Be((double)quarter["start"].Amount);
        sheet.Cell(quarterRow, 14).GetDouble().Should().Be((double)quarter["end"].Amount);
        // Every month and quarter of the team has its row.
        var labels = SheetRead.ColumnA(sheet);
        foreach (var period in Demo.Rows("select distinct period_type, period_start, is_complete from marts.pipeline_waterfall where scope = $team", ("team", team)))
            labels.Should().Contain(HealthFormat.Period((string)period[0]!, (DateOnly)period[1]!) + ((bool)period[2]! ? "" : " (to date)"));
        // The quarter's largest won deal, its name a text cell.
        var won = Demo.Rows("""
            select deal_id, amount from marts.pipeline_waterfall_deals
            where period = 'current' and period_type = 'quarter' and scope = $team and movement = 'won' and rank = 1
            """, ("team", team));
        if (won.Count == 1)
        {
            // The quarter's table comes first; the deal is also listed under its start or entry.
            var row = sheet.Column(3).CellsUsed().First(cell => cell.GetString() == (string)won[0][0]! && sheet.Cell(cell.Address.RowNumber, 1).GetString() == "Won").Address.RowNumber;
            sheet.Cell(row, 2).GetDouble().Should().Be(1);
            sheet.Cell(row, 4).DataType.Should().Be(XLDataType.Text);
            sheet.Cell(row, 7).GetDouble().Should().Be((double)(decimal)won[0][1]!);
        }
    }
}
