using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class DemoScorecardsTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    // T = the start of the day after the as-of date; the trailing 12 months are [T - 12 months, T).
    private const string Trailing12 = "closed_at >= timestamp '2025-12-01' and closed_at < timestamp '2026-12-01'";

    private string RepFile(string repId) => demo.Result.RepFiles.Single(path => Path.GetFileName(path).StartsWith(repId + "-", StringComparison.Ordinal));

    private static string RepId(string path) => Path.GetFileName(path).Split('-')[0];

    [Fact]
    public void Write_DemoWarehouse_OneWorkbookPerCurrentRepAndPerTeam()
    {
        var reps = demo.Rows("select rep_id, team from core.dim_rep where is_current");
        demo.Result.AsOf.Should().Be(BuiltWarehouse.AsOf);
        demo.Result.RepFiles.Should().HaveCount(reps.Count, "every current rep, with recent deals or not");
        demo.Result.ManagerFiles.Should().HaveCount(reps.Select(row => row[1]).Distinct().Count());
        demo.AllFiles.Should().OnlyContain(path => File.Exists(path));
        demo.Result.RepFiles.Should().OnlyContain(path => Path.GetDirectoryName(path) == Path.Combine(demo.Result.OutputDirectory, "reps"));
    }

    [Fact]
    public void RepWorkbook_Sheets_NamedFrozenFilteredAndPrintable()
    {
        using var workbook = new XLWorkbook(demo.Result.RepFiles[0]);
        workbook.Worksheets.Select(sheet => sheet.Name).Should().Equal("Summary", "Deals that matter", "Funnel", "Open deals", "Closed deals", "Trend");
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
        var quota = SheetRead.Row(summary, "Quota");
        summary.Cell(quota, 3).Style.NumberFormat.Format.Should().StartWith("\"$\"#,##0");
        summary.Cell(SheetRead.Row(summary, "Attainment (won / quota)"), 3).Style.NumberFormat.Format.Should().Be(Formats.Percent);
        summary.Cell(SheetRead.Row(summary, "Median sales cycle (won deals)"), 9).Style.NumberFormat.Format.Should().Be(Formats.Days);
    }

    [Fact]
    public void RepSummary_WhatIsStillNeeded_IsTheRepsPeriodAttainmentRows()
    {
        foreach (var path in demo.Result.RepFiles.Take(5))
        {
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet("Summary");
            var first = SheetRead.Row(summary, RepWorkbook.NeedSection);
            summary.Cell(first + 1, 2).GetString().Should().Be("This month");
            summary.Cell(first + 1, 3).GetString().Should().Be("This quarter");
            foreach (var (type, column) in new[] { ("month", 2), ("quarter", 3) })
            {
                var mart = demo.Rows("""
                    select quota, won_to_date, gap, attainment, open_in_period, coverage, overdue_open, overdue_deals
                    from marts.period_attainment where scope_type = 'rep' and rep_id = $rep and period_type = $type and period = 'current'
                    """, ("rep", RepId(path)), ("type", type)).Single();
                var labels = new[] { "Quota", "Won to date", "Gap (quota − won to date)", "Attainment (won / quota)", "Open in period", "Coverage (open in period / gap)", "Overdue open amount", "Overdue deals" };
                foreach (var (label, i) in labels.Select((label, i) => (label, i)))
                    summary.Cell(SheetRead.Row(summary, label, first), column).ShouldShow(mart[i], $"{path} {type} {label}");
            }
        }
    }

    [Fact]
    public void RepSummary_Trailing12MonthsWonAmount_EqualsWonDealsOfFactDeal()
    {
        foreach (var path in demo.Result.RepFiles.Take(5))
        {
            using var workbook = new XLWorkbook(path);
            var repId = RepId(path);
            var summary = workbook.Worksheet("Summary");
            var compare = SheetRead.Row(summary, RepWorkbook.CompareSection);
            // Columns C-E this month, F-H this quarter, I-K the trailing 12 months (rep, team, verdict).
            var amount = SheetRead.Row(summary, "Won amount", compare);
            var expected = demo.Decimal($"select coalesce(sum(amount), 0) from core.fact_deal where rep_id = $rep and status = 'won' and {Trailing12}", ("rep", repId));
            var wonCount = demo.Decimal($"select count(*) from core.fact_deal where rep_id = $rep and status = 'won' and {Trailing12}", ("rep", repId));
            ((decimal)summary.Cell(amount, 9).GetDouble()).Should().BeApproximately(expected, 0.005m, path);
            ((decimal)summary.Cell(SheetRead.Row(summary, "Won deals", compare), 9).GetDouble()).Should().Be(wonCount, path);
        }
    }

    [Fact]
    public void RepSummary_Comparison_IsRepComparisonWithItsVerdictsInWords()
    {
        var metrics = new Dictionary<string, string>
        {
            ["amount_won"] = "Won amount", ["won"] = "Won deals", ["win_rate"] = "Win rate (won / closed)",
            ["avg_won_amount"] = "Average won deal size", ["median_cycle_days"] = "Median sales cycle (won deals)",
        };
        var periods = new[] { "this_month", "this_quarter", "trailing_12_months" };
        var verdicts = new[] { "better", "worse", "about the same", "too few deals", "no peers", "no figure" };
        foreach (var path in demo.Result.RepFiles.Take(6))
        {
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet("Summary");
            var compare = SheetRead.Row(summary, RepWorkbook.CompareSection);
            var rows = demo.Rows("select period, metric, rep_value, team_value, team_value_basis, verdict, test from marts.rep_comparison where rep_id = $rep", ("rep", RepId(path)));
            rows.Should().HaveCount(15, path);
            foreach (var mart in rows)
            {
                var row = SheetRead.Row(summary, metrics[(string)mart[1]!], compare);
                var column = 3 + (Array.IndexOf(periods, (string)mart[0]!) * 3);
                summary.Cell(row, column).ShouldShow(mart[2], path);
                summary.Cell(row, column + 1).ShouldShow(mart[3], path);
                summary.Cell(row, 2).GetString().Should().Be((string)mart[4]!);
                var verdict = summary.Cell(row, column + 2);
                verdict.GetString().Should().Be((string)mart[5]!).And.BeOneOf(verdicts);
                if (verdict.GetString() is not ("better" or "worse"))
                    verdict.Style.Font.FontColor.Should().NotBe(XLColor.FromHtml(Formats.Better)).And.NotBe(XLColor.FromHtml(Formats.Worse));
                SheetRead.ColumnA(summary).Should().Contain($"{metrics[(string)mart[1]!]}: {mart[6]}", "the note states the test");
            }
        }
    }

    [Fact]
    public void OpenDealsSheet_Rows_AreTheRepsOpenDeals()
    {
        foreach (var path in demo.Result.RepFiles.Take(5))
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet("Open deals");
            var written = Enumerable.Range(5, 10_000).Select(row => sheet.Cell(row, 1).GetString()).TakeWhile(id => id.Length > 0 && id != "No open deals.").ToList();
            var expected = demo.Rows("select deal_id from core.fact_deal where rep_id = $rep and status = 'open'", ("rep", RepId(path))).Select(row => (string)row[0]!).ToList();
            written.Should().BeEquivalentTo(expected, path);
        }
    }

    [Fact]
    public void ManagerWorkbook_Roster_EveryRepTheTeamRowAndTheMedianRow()
    {
        using (var workbook = new XLWorkbook(demo.Result.ManagerFiles[0]))
        {
            workbook.Worksheets.Select(sheet => sheet.Name).Should().Equal("Roster", "Forecast", "Coaching", "Warnings & velocity", "Stalled deals", "Pipeline", "Pipeline movement");
            workbook.Worksheet("Roster").SheetView.SplitRow.Should().Be(3);
        }
        foreach (var path in demo.Result.ManagerFiles)
        {
            using var workbook = new XLWorkbook(path);
            var team = workbook.Worksheet("Roster").Cell(1, 1).GetString()["Team ".Length..^": roster".Length];
            RosterCheck.Manager(demo, path, team);
        }
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
    public void FunnelSheet_IsRepStageComparison_AndItsWeakStepsAreTheCoachingSheets()
    {
        using var source = ReportSource.Open(demo.Warehouse);
        var set = ReportSet.Load(source);
        foreach (var rep in set.Reps.Take(12))
        {
            using var workbook = new XLWorkbook(RepFile(rep.RepId));
            var funnel = workbook.Worksheet("Funnel");
            funnel.Row(4).Cells(1, RepWorkbook.FunnelColumns.Length).Select(cell => cell.GetString()).Should().Equal(RepWorkbook.FunnelColumns);
            var rows = demo.Rows("select stage, rep_exits, rep_conversion, peer_exits, peer_conversion, verdict from marts.rep_stage_comparison where rep_id = $rep order by stage_order", ("rep", rep.RepId));
            rows.Should().HaveCount(8, "the demo uses all eight open stages");
            foreach (var (mart, i) in rows.Select((mart, i) => (mart, i)))
            {
                var row = 5 + i;
                funnel.Cell(row, 1).GetString().Should().Be(set.Labels.Step((string)mart[0]!));
                for (var column = 2; column <= 5; column++)
                    funnel.Cell(row, column).ShouldShow(mart[column - 1], $"{rep.RepId} {mart[0]} column {column}");
                funnel.Cell(row, 6).GetString().Should().Be((string)mart[5]!);
            }
            var weakOnFunnel = Enumerable.Range(5, 8).Where(row => funnel.Cell(row, 6).GetString() == "weaker").Select(row => funnel.Cell(row, 1).GetString()).ToList();
            using var manager = new XLWorkbook(demo.Result.ManagerFiles.Single(path => Path.GetFileName(path) == SafeFileName.From(rep.Team, "team") + ".xlsx"));
            var coaching = manager.Worksheet("Coaching");
            var weakOnCoaching = coaching.Column(1).CellsUsed().Where(cell => cell.GetString() == rep.RepId && coaching.Cell(cell.Address.RowNumber, 8).GetString() == "weaker")
                .Select(cell => coaching.Cell(cell.Address.RowNumber, 3).GetString()).ToList();
            weakOnCoaching.Should().BeEquivalentTo(weakOnFunnel, rep.RepId);
            // The Summary's funnel line says the same.
            var line = SheetRead.ColumnA(workbook.Worksheet("Summary")).Single(text => text.StartsWith("Funnel", StringComparison.Ordinal) && text.EndsWith("(see the Funnel sheet).", StringComparison.Ordinal));
            if (weakOnFunnel.Count == 0)
                line.Should().NotContain("weaker than the rest of the team at");
            else
                line.Should().Contain(string.Join("; ", weakOnFunnel));
        }
    }

    [Fact]
    public void FunnelSheet_EveryCoachingFlag_HighlightedWithItsSuggestion()
    {
        using var source = ReportSource.Open(demo.Warehouse);
        var set = ReportSet.Load(source);
        var flags = demo.Rows("select rep_id, stage from marts.rep_coaching");
        flags.Should().NotBeEmpty("the demo has weak stages to coach");
        foreach (var flag in flags)
        {
            var repId = (string)flag[0]!;
            var stage = (string)flag[1]!;
            using var workbook = new XLWorkbook(RepFile(repId));
            var funnel = workbook.Worksheet("Funnel");
            var step = funnel.Column(1).CellsUsed().Single(cell => cell.GetString() == set.Labels.Step(stage));
            funnel.Cell(step.Address.RowNumber, 6).GetString().Should().Be("weaker");
            funnel.Cell(step.Address.RowNumber, 10).GetString().Should().Be(CoachingTips.For(stage));
            step.Style.Fill.BackgroundColor.Should().Be(XLColor.FromHtml(Formats.FlagFill));
        }
    }

    [Fact]
    public void NoSheet_ShowsAZScore()
    {
        var z = new Regex(@"\bz\s*=\s*-?\d|z[- ]score", RegexOptions.IgnoreCase);
        foreach (var path in demo.AllFiles)
        {
            using var workbook = new XLWorkbook(path);
            foreach (var (sheet, cell) in SheetRead.Cells(workbook))
            {
                var text = cell.GetString();
                text.Should().NotBe("z", $"{path} {sheet} {cell.Address}");
                z.IsMatch(text).Should().BeFalse($"{path} {sheet} {cell.Address}: {text}");
            }
        }
    }

    [Fact]
    public void ManagerWorkbook_WarningsAndVelocity_AreTheTeamsOwnInWords()
    {
        foreach (var path in demo.Result.ManagerFiles)
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet("Warnings & velocity");
            var team = sheet.Cell(1, 1).GetString()["Team ".Length..^": early warnings and velocity".Length];
            var warnings = demo.Rows("select severity from marts.team_warnings where team = $team", ("team", team));
            Enumerable.Range(5, warnings.Count).Select(row => sheet.Cell(row, 1).GetString()).Should().BeEquivalentTo(warnings.Select(row => (string)row[0]!), path);
            var velocity = demo.Rows("select velocity_per_day from marts.velocity_by_scope where scope_type = 'team' and team = $team and point = 'as_of' and segment_type = 'all'", ("team", team)).Single();
            var all = SheetRead.Row(sheet, "All deals");
            sheet.Cell(all, 6).ShouldShow(velocity[0], path);
        }
    }

    [Fact]
    public void EveryWorkbook_OpenXmlValidator_ReportsNoError()
    {
        demo.AllFiles.SelectMany(WorkbookCheck.Errors).Should().BeEmpty();
    }
}
