using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class DemoScorecardsTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    // T = the start of the day after the as-of date; the trailing 12 months are [T - 12 months, T).
    private const string Trailing12 = "closed_at >= timestamp '2025-12-01' and closed_at < timestamp '2026-12-01'";

    [Fact]
    public void Write_DemoWarehouse_OneWorkbookPerRepWithRecentDealsAndPerTeam()
    {
        var reps = demo.Rows("""
            select distinct reps.rep_id, reps.team from core.dim_rep as reps join core.fact_deal as deals using (rep_id)
            where reps.is_current and (deals.status = 'open' or deals.created_at >= timestamp '2025-12-01' or deals.closed_at >= timestamp '2025-12-01')
            """);
        demo.Result.AsOf.Should().Be(BuiltWarehouse.AsOf);
        demo.Result.RepFiles.Should().HaveCount(reps.Count);
        demo.Result.ManagerFiles.Should().HaveCount(reps.Select(row => row[1]).Distinct().Count());
        demo.AllFiles.Should().OnlyContain(path => File.Exists(path));
        demo.Result.RepFiles.Should().OnlyContain(path => Path.GetDirectoryName(path) == Path.Combine(demo.Result.OutputDirectory, "reps"));
    }

    [Fact]
    public void RepWorkbook_Sheets_NamedFrozenFilteredAndPrintable()
    {
        using var workbook = new XLWorkbook(demo.Result.RepFiles[0]);
        workbook.Worksheets.Select(sheet => sheet.Name).Should().Equal("Summary", "Funnel", "Open deals", "Closed deals", "Trend");
        foreach (var sheet in workbook.Worksheets)
        {
            sheet.PageSetup.PageOrientation.Should().Be(XLPageOrientation.Landscape, sheet.Name);
            sheet.PageSetup.PagesWide.Should().Be(1, sheet.Name);
            sheet.SheetView.SplitRow.Should().BeGreaterThan(0, sheet.Name);
            sheet.Cell(1, 1).GetString().Should().Contain(":", sheet.Name);
            sheet.Cell(2, 1).GetString().Should().Contain("As of 2026-11-30", sheet.Name);
        }
        foreach (var name in new[] { "Open deals", "Closed deals", "Trend" })
        {
            var sheet = workbook.Worksheet(name);
            sheet.AutoFilter.IsEnabled.Should().BeTrue(name);
            sheet.SheetView.SplitRow.Should().Be(4, name);
            sheet.PageSetup.FirstRowToRepeatAtTop.Should().Be(4, name);
        }
        var open = workbook.Worksheet("Open deals");
        // Amounts carry the reporting currency's symbol (marts.report_context), cents only when there are some.
        open.Cell(5, 6).Style.NumberFormat.Format.Should().Be(Formats.CurrencyFormat("$", Formats.IsWhole(open.Cell(5, 6).GetDouble())));
        open.Cell(5, 6).Style.NumberFormat.Format.Should().StartWith("\"$\"#,##0");
        open.Cell(5, 5).Style.NumberFormat.Format.Should().Be(Formats.Days);
        open.Cell(5, 7).Style.NumberFormat.Format.Should().Be(Formats.Date);
        open.ConditionalFormats.Should().HaveCount(2);
        open.Column(2).Width.Should().BeGreaterThan(8);
        var summary = workbook.Worksheet("Summary");
        summary.Cell(6, 8).Style.NumberFormat.Format.Should().Be(Formats.CurrencyFormat("$", Formats.IsWhole(summary.Cell(6, 8).GetDouble())));
        summary.Cell(8, 2).Style.NumberFormat.Format.Should().Be(Formats.Percent);
        summary.Cell(10, 8).Style.NumberFormat.Format.Should().Be(Formats.Days);
        summary.SheetView.SplitRow.Should().Be(5);
    }

    [Fact]
    public void RepSummary_Trailing12MonthsWonAmount_EqualsWonDealsOfFactDeal()
    {
        foreach (var path in demo.Result.RepFiles.Take(5))
        {
            using var workbook = new XLWorkbook(path);
            var repId = Path.GetFileName(path).Split('-')[0];
            var summary = workbook.Worksheet("Summary");
            summary.Cell(6, 1).GetString().Should().Be("Won amount");
            // Column 8: the rep's trailing-12-month figure (columns 2-4 month, 5-7 quarter, 8-10 T12M).
            var expected = demo.Decimal($"select coalesce(sum(amount), 0) from core.fact_deal where rep_id = $rep and status = 'won' and {Trailing12}", ("rep", repId));
            var wonCount = demo.Decimal($"select count(*) from core.fact_deal where rep_id = $rep and status = 'won' and {Trailing12}", ("rep", repId));
            ((decimal)summary.Cell(6, 8).GetDouble()).Should().BeApproximately(expected, 0.005m, path);
            ((decimal)summary.Cell(7, 8).GetDouble()).Should().Be(wonCount, path);
        }
    }

    [Fact]
    public void OpenDealsSheet_Rows_AreTheRepsOpenDeals()
    {
        foreach (var path in demo.Result.RepFiles.Take(5))
        {
            using var workbook = new XLWorkbook(path);
            var repId = Path.GetFileName(path).Split('-')[0];
            var sheet = workbook.Worksheet("Open deals");
            var written = Enumerable.Range(5, 10_000).Select(row => sheet.Cell(row, 1).GetString()).TakeWhile(id => id.Length > 0 && id != "No open deals.").ToList();
            var expected = demo.Rows("select deal_id from core.fact_deal where rep_id = $rep and status = 'open'", ("rep", repId)).Select(row => (string)row[0]!).ToList();
            written.Should().BeEquivalentTo(expected, path);
        }
    }

    [Fact]
    public void ManagerWorkbook_Roster_OneRowPerActiveRepWithHeatMap()
    {
        using var workbook = new XLWorkbook(demo.Result.ManagerFiles[0]);
        workbook.Worksheets.Select(sheet => sheet.Name).Should().Equal("Roster", "Coaching", "Stalled deals", "Pipeline");
        var roster = workbook.Worksheet("Roster");
        var team = roster.Cell(1, 1).GetString()["Team ".Length..^": roster".Length];
        var reps = demo.Rows("""
            select distinct reps.rep_id from core.dim_rep as reps join core.fact_deal as deals using (rep_id)
            where reps.is_current and reps.team = $team
                and (deals.status = 'open' or deals.created_at >= timestamp '2025-12-01' or deals.closed_at >= timestamp '2025-12-01')
            """, ("team", team)).Count;
        reps.Should().BeGreaterThan(1);
        Enumerable.Range(5, 100).TakeWhile(row => roster.Cell(row, 1).GetString().Length > 0).Should().HaveCount(reps);
        roster.ConditionalFormats.Count(format => format.ConditionalFormatType == XLConditionalFormatType.ColorScale).Should().Be(8);
        roster.SheetView.SplitRow.Should().Be(4);
    }

    [Fact]
    public void ManagerWorkbook_StalledDeals_EveryStalledDealOfTheTeam()
    {
        foreach (var path in demo.Result.ManagerFiles)
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet("Stalled deals");
            var team = sheet.Cell(1, 1).GetString()["Team ".Length..^": stalled deals".Length];
            var written = Enumerable.Range(5, 10_000).Select(row => sheet.Cell(row, 1).GetString()).TakeWhile(id => id.Length > 0 && id != "No stalled deals.").ToList();
            var expected = demo.Rows("""
                select deals.deal_id from core.fact_deal as deals join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
                where reps.team = $team and deals.is_stalled and deals.status = 'open'
                """, ("team", team)).Select(row => (string)row[0]!).ToList();
            written.Should().BeEquivalentTo(expected, path);
        }
    }

    [Fact]
    public void FunnelSheet_RepConversion_EqualsStageFlowSums()
    {
        foreach (var path in demo.Result.RepFiles.Take(3))
        {
            using var workbook = new XLWorkbook(path);
            var repId = Path.GetFileName(path).Split('-')[0];
            var funnel = workbook.Worksheet("Funnel");
            // Rows 6-13: stages 1-8; columns 2-3: the rep's exits and conversion over the last 3
            // months (September to November 2026), from the monthly exit counts of marts.stage_flow.
            foreach (var order in Enumerable.Range(1, 8))
            {
                var sums = demo.Rows("""
                    select cast(coalesce(sum(exited), 0) as double), cast(coalesce(sum(advanced), 0) as double) from marts.stage_flow
                    where rep_id = $rep and stage_order = $stage and month >= date '2026-09-01' and month <= date '2026-11-01'
                    """, ("rep", repId), ("stage", order))[0];
                var exited = Convert.ToDouble(sums[0], System.Globalization.CultureInfo.InvariantCulture);
                var advanced = Convert.ToDouble(sums[1], System.Globalization.CultureInfo.InvariantCulture);
                var row = 5 + order;
                funnel.Cell(row, 2).GetDouble().Should().Be(exited, path);
                if (exited > 0)
                    funnel.Cell(row, 3).GetDouble().Should().BeApproximately(advanced / exited, 1e-12, path);
                else
                    funnel.Cell(row, 3).GetString().Should().Be("-");
            }
        }
    }

    [Fact]
    public void FunnelSheet_EveryCoachingFlag_HighlightedWithItsSuggestion()
    {
        var flags = demo.Rows("select rep_id, stage from marts.rep_coaching");
        flags.Should().NotBeEmpty("the demo has weak stages to coach");
        foreach (var flag in flags)
        {
            var repId = (string)flag[0]!;
            var stage = (string)flag[1]!;
            using var workbook = new XLWorkbook(demo.Result.RepFiles.Single(path => Path.GetFileName(path).StartsWith(repId + "-", StringComparison.Ordinal)));
            var funnel = workbook.Worksheet("Funnel");
            var label = Stages.StepLabel(Array.IndexOf(Stages.Names, stage) + 1);
            var step = funnel.Column(1).CellsUsed().Last(cell => cell.GetString() == label);
            funnel.Cell(step.Address.RowNumber, 6).GetString().Should().Be(CoachingTips.For(stage));
            step.Style.Fill.BackgroundColor.Should().Be(XLColor.FromHtml(Formats.FlagFill));
        }
    }

    [Fact]
    public void EveryWorkbook_OpenXmlValidator_ReportsNoError()
    {
        demo.AllFiles.SelectMany(WorkbookCheck.Errors).Should().BeEmpty();
    }
}
