using System.Globalization;
using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// The forecast in every report (issue 11): page 1 of the executive PDF, the team PDFs, the manager
/// roster and the rep's "Deals that matter", each read back and held against marts.forecast_scopes,
/// marts.forecast_accuracy and marts.forecast_deals of the demo warehouse (as of 2026-11-30).
/// </summary>
public sealed class ForecastReportsTests(DemoHealthReports reports) : IClassFixture<DemoHealthReports>
{
    private const string Columns = "period_type, period_start, won_to_date, quota, attainment, gap, forecast_total, low, high, shortfall, coverage, overdue_open, training_windows, as_of, period_end, commit_rollup, best_case_rollup";

    private BuiltWarehouse Demo => reports.Warehouse;

    [Fact]
    public void ExecutivePage1_StartsWithTheForecastOfTheMonthAndTheQuarter()
    {
        var page1 = PdfText.Pages(reports.Health.ExecutiveFile)[0];
        var rows = Demo.Rows($"select {Columns} from marts.forecast_scopes where scope_type = 'company' and period = 'current' order by period_type");
        rows.Should().HaveCount(2, "the current month and the current quarter");
        var sentences = rows.ToDictionary(row => (string)row[0]!, Sentence);
        // The demo's reps all have quotas for Q4 2026 and the forecast learned from history: the quota form, with a forecast range.
        rows.Should().OnlyContain(row => row[3] != null && Convert.ToInt64(row[12], CultureInfo.InvariantCulture) > 0);
        sentences["quarter"].Should().Contain("still to win; forecast $").And.Contain(" at the midpoint; ");
        // Right after the title and the line that names the load: month, then quarter, then the next periods.
        var afterHeader = page1[(page1.IndexOf("2026-11-30. ", page1.IndexOf("Warehouse load", StringComparison.Ordinal), StringComparison.Ordinal) + "2026-11-30. ".Length)..];
        afterHeader.Should().StartWith(sentences["month"] + " " + sentences["quarter"] + " Next: December 2026 forecast ");
        // Then the charts, how far to trust it, and the early warnings.
        page1.IndexOf(sentences["quarter"], StringComparison.Ordinal).Should().BeLessThan(page1.IndexOf("Won so far (dark line)", StringComparison.Ordinal));
        page1.IndexOf("Won so far (dark line)", StringComparison.Ordinal).Should().BeLessThan(page1.IndexOf("How far to trust it", StringComparison.Ordinal));
        page1.IndexOf("How far to trust it", StringComparison.Ordinal).Should().BeLessThan(page1.IndexOf("Early warnings", StringComparison.Ordinal));
    }

    [Fact]
    public void ExecutivePage1_HowFarToTrustIt_IsForecastAccuracyAgainstTheBaselines()
    {
        var page1 = PdfText.Pages(reports.Health.ExecutiveFile)[0];
        var rows = Demo.Rows("select period_type, method, origins, wape, bias, within_10pct, interval_coverage from marts.forecast_accuracy");
        rows.Select(row => (string)row[1]!).Distinct().Should().BeEquivalentTo(["forecast", "weighted_pipeline", "run_rate"]);
        foreach (var row in rows)
        {
            // One table per period type, a row per method: typical error (WAPE), bias with its sign, within 10%, and for the forecast its P10-P90 coverage.
            var name = (string)row[1]! switch { "forecast" => "Forecast", "weighted_pipeline" => "Weighted pipeline", _ => "Run rate" };
            var line = $"{name} {Percent(row[3])} {Bias(row[4])} {Percent(row[5])}" + ((string)row[1]! == "forecast" ? $" {Percent(row[6])}" : "");
            page1.Should().Contain(line, $"{row[0]} {row[1]}");
        }
        // The sentence that says what it means: "The last 24 month forecasts missed by 14% on average (run rate 20%, weighted pipeline 54%) ...".
        var month = rows.Where(row => (string)row[0]! == "month").ToDictionary(row => (string)row[1]!);
        page1.Should().Contain($"The last {month["forecast"][2]} month forecasts missed by {Percent(month["forecast"][3])} on average "
            + $"(run rate {Percent(month["run_rate"][3])}, weighted pipeline {Percent(month["weighted_pipeline"][3])})");
        page1.Should().Contain($"Month forecasts ({month["forecast"][2]})");
    }

    [Fact]
    public void TeamPdf_StartsWithTheTeamsForecast_AndItsRepsExpectedAndForecast()
    {
        foreach (var file in reports.Health.ManagerFiles)
        {
            var pages = PdfText.Pages(file);
            var team = Demo.Rows("select distinct team from core.dim_rep where is_current and team is not null").Select(row => (string)row[0]!)
                .Single(name => SafeFileName.From(name, "team") == Path.GetFileNameWithoutExtension(file));
            foreach (var row in Demo.Rows($"select {Columns} from marts.forecast_scopes where scope_type = 'team' and team = $team and period = 'current'", ("team", team)))
                pages[0].Should().Contain(Sentence(row), file);
            // Each rep's line of the quarter's table: ... coverage, then the expected amount of its open deals and its forecast total.
            var text = string.Join(" ", pages);
            foreach (var rep in Demo.Rows("""
                select f.rep_name, f.expected_from_open, f.forecast_total, f.coverage
                from marts.forecast_scopes as f where f.scope_type = 'rep' and f.team = $team and f.period_type = 'quarter' and f.period = 'current'
                """, ("team", team)))
                text.Should().Contain($"{Multiple(rep[3])} {Amount(rep[1])} {Amount(rep[2])} ", $"{file} {rep[0]}");
        }
    }

    [Fact]
    public void ManagerRoster_ShowsEachRepsExpectedFromOpenDealsAndForecast()
    {
        foreach (var path in reports.Warehouse.Result.ManagerFiles)
        {
            using var workbook = new XLWorkbook(path);
            workbook.Worksheets.Select(sheet => sheet.Name).Should().Equal("Roster", "Forecast", "Coaching", "Warnings & velocity", "Stalled deals", "Pipeline", "Pipeline movement");
            var roster = workbook.Worksheet(ManagerWorkbook.RosterSheet);
            var team = roster.Cell(1, 1).GetString()["Team ".Length..^": roster".Length];
            foreach (var (type, title) in new[] { ("quarter", "This quarter"), ("month", "This month") })
            {
                var section = roster.Column(1).CellsUsed().First(cell => cell.GetString().StartsWith(title, StringComparison.Ordinal)).Address.RowNumber;
                roster.Cell(section + 1, ManagerWorkbook.ExpectedFromOpenColumn).GetString().Should().Be("Expected from open deals");
                roster.Cell(section + 1, ManagerWorkbook.ExpectedFromOpenColumn + 1).GetString().Should().Be("Forecast");
                for (var row = section + 2; roster.Cell(row, 1).GetString() is { Length: > 0 } repId && repId != ManagerWorkbook.TeamTotal; row++)
                {
                    var mart = Demo.Rows("""
                        select expected_from_open, forecast_total from marts.forecast_scopes
                        where scope_type = 'rep' and rep_id = $rep and period_type = $type and period = 'current'
                        """, ("rep", repId), ("type", type)).Single();
                    roster.Cell(row, ManagerWorkbook.ExpectedFromOpenColumn).ShouldShow(mart[0], $"{path} {type} {repId} expected from open deals");
                    roster.Cell(row, ManagerWorkbook.ExpectedFromOpenColumn + 1).ShouldShow(mart[1], $"{path} {type} {repId} forecast");
                }
                var total = Demo.Rows("select expected_from_open, forecast_total from marts.forecast_scopes where scope_type = 'team' and team = $team and period_type = $type and period = 'current'",
                    ("team", team), ("type", type)).Single();
                var totalRow = SheetRead.Row(roster, ManagerWorkbook.TeamTotal, section);
                roster.Cell(totalRow, ManagerWorkbook.ExpectedFromOpenColumn).ShouldShow(total[0], $"{path} {type} team expected from open deals");
                roster.Cell(totalRow, ManagerWorkbook.ExpectedFromOpenColumn + 1).ShouldShow(total[1], $"{path} {type} team forecast");
            }
            // The Forecast sheet starts with the team's sentences.
            var forecast = workbook.Worksheet(ManagerWorkbook.ForecastSheet);
            foreach (var row in Demo.Rows($"select {Columns} from marts.forecast_scopes where scope_type = 'team' and team = $team and period = 'current' order by period_type", ("team", team)))
                SheetRead.ColumnA(forecast).Should().Contain(Sentence(row), path);
        }
    }

    [Fact]
    public void RepWorkbook_DealsThatMatter_InRankOrderWithTheOverdueFlag()
    {
        var overdueSeen = false;
        foreach (var path in reports.Warehouse.Result.RepFiles)
        {
            using var workbook = new XLWorkbook(path);
            workbook.Worksheets.Select(sheet => sheet.Name).Should().Equal("Summary", "Deals that matter", "Funnel", "Open deals", "Closed deals", "Trend");
            var sheet = workbook.Worksheet(RepWorkbook.DealsThatMatterSheet);
            var repId = Path.GetFileName(path).Split('-')[0];
            // As of 2026-11-30 November ends at T: nothing is left to win in it, so one list, the quarter's (December).
            var headers = sheet.Column(1).CellsUsed().Where(cell => cell.GetString() == "Rank").Select(cell => cell.Address.RowNumber).ToList();
            headers.Should().HaveCount(1, path);
            SheetRead.ColumnA(sheet).Should().Contain(text => text.StartsWith("November 2026 (ended): ", StringComparison.Ordinal), path);
            foreach (var (type, header) in new[] { ("quarter", headers[0]) })
            {
                var mart = Demo.Rows("""
                    select d.deal_id, d.rank_in_rep, d.is_overdue, d.expected_amount, d.win_probability, s.label
                    from marts.forecast_deals as d join core.dim_stage as s on s.stage = d.stage
                    where d.rep_id = $rep and d.period_type = $type and d.period = 'current' and d.rank_in_rep <= 15
                    order by d.rank_in_rep, d.deal_id
                    """, ("rep", repId), ("type", type));
                var rows = Enumerable.Range(header + 1, mart.Count).ToList();
                rows.Select(row => sheet.Cell(row, 2).GetString()).Should().Equal(mart.Select(row => (string)row[0]!), $"{path} {type}: the mart's deals, by rank");
                rows.Select(row => sheet.Cell(row, 1).GetDouble()).Should().BeInAscendingOrder($"{path} {type}");
                foreach (var (row, deal) in rows.Zip(mart))
                {
                    sheet.Cell(row, 1).ShouldShow(deal[1], $"{path} {deal[0]} rank");
                    sheet.Cell(row, 4).GetString().Should().Be((string)deal[5]!, "the stage under the user's label");
                    sheet.Cell(row, 7).ShouldShow(deal[4], $"{path} {deal[0]} chance");
                    sheet.Cell(row, 8).ShouldShow(deal[3], $"{path} {deal[0]} expected amount");
                    sheet.Cell(row, 9).GetString().Should().Be(deal[2] is true ? RepWorkbook.OverdueFlag : "", $"{path} {deal[0]} overdue flag");
                    overdueSeen |= deal[2] is true;
                }
            }
        }
        overdueSeen.Should().BeTrue("the demo has overdue deals among the ones that matter");
    }

    [Fact]
    public void RepSummary_FirstLines_SayWhatIsStillNeededAndTheForecast()
    {
        foreach (var path in reports.Warehouse.Result.RepFiles.Take(8))
        {
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet(RepWorkbook.SummarySheet);
            var repId = Path.GetFileName(path).Split('-')[0];
            var rows = Demo.Rows($"select {Columns} from marts.forecast_scopes where scope_type = 'rep' and rep_id = $rep and period = 'current' order by period_type", ("rep", repId));
            summary.Cell(4, 1).GetString().Should().Be(Sentence(rows.Single(row => (string)row[0]! == "month")), path);
            summary.Cell(5, 1).GetString().Should().Be(Sentence(rows.Single(row => (string)row[0]! == "quarter")), path);
            var need = SheetRead.Row(summary, RepWorkbook.NeedSection);
            var quarter = Demo.Rows("select forecast_total, expected_from_open from marts.forecast_scopes where scope_type = 'rep' and rep_id = $rep and period_type = 'quarter' and period = 'current'", ("rep", repId)).Single();
            summary.Cell(SheetRead.Row(summary, "Forecast (won + expected)", need), 3).ShouldShow(quarter[0], path);
            summary.Cell(SheetRead.Row(summary, "Expected from your open deals", need), 3).ShouldShow(quarter[1], path);
        }
    }

    /// <summary>
    /// The forecast sentence of a forecast_scopes row ({Columns}), by the rules the report states: quota, attainment and the
    /// gap still to win; the forecast with its P10-P90 range and how far it is from quota; coverage of the gap; overdue.
    /// </summary>
    internal static string Sentence(object?[] row) => SentenceOf(row, "$");

    internal static string SentenceOf(object?[] row, string symbol)
    {
        var start = Date(row[1]);
        var name = (string)row[0]! == "quarter" ? $"Q{(start.Month - 1) / 3 + 1} {start.Year}" : start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var forecast = Convert.ToInt64(row[12], CultureInfo.InvariantCulture) > 0 && row[6] is not null
            ? $"forecast {Compact(row[6], symbol)} (P10 {Compact(row[7], symbol)} – P90 {Compact(row[8], symbol)})"
            : "no forecast: too little history of won deals to learn from";
        var overdue = Convert.ToDecimal(row[11], CultureInfo.InvariantCulture) == 0 ? "nothing overdue" : $"{Compact(row[11], symbol)} overdue";
        // Where the export carries the CRM's forecast category: its Commit (Closed + Commit) and Best Case.
        var categories = row[15] is null ? "" : $"; the CRM's Commit {Compact(row[15], symbol)}, Best Case {Compact(row[16], symbol)}";
        // A period that ends at T (the day after the as-of date) has ended: what was won is final, no forecast.
        if (Date(row[13]).AddDays(1) >= Date(row[14]))
            return row[3] is null
                ? $"{name} (ended): no quota set; {Compact(row[2], symbol)} won; {overdue}."
                : $"{name} (ended): {Compact(row[2], symbol)} won of {Compact(row[3], symbol)} quota ({Percent(row[4])})"
                    + (Convert.ToDecimal(row[5], CultureInfo.InvariantCulture) > 0 ? $", {Compact(row[5], symbol)} short" : ", quota met") + $"; {overdue}.";
        if (row[3] is null)
            return $"{name}: no quota set for {name}; {Compact(row[2], symbol)} won, {forecast}{categories}; {overdue}.";
        var won = $"{Compact(row[2], symbol)} won of {Compact(row[3], symbol)} quota ({Percent(row[4])})";
        var shortfall = Convert.ToDecimal(row[9], CultureInfo.InvariantCulture);
        var midpoint = forecast.StartsWith("no forecast", StringComparison.Ordinal) ? ""
            : shortfall > 0 ? $", {Compact(shortfall, symbol)} short of quota at the midpoint"
            : shortfall < 0 ? $", {Compact(-shortfall, symbol)} above quota at the midpoint"
            : ", on quota at the midpoint";
        var gap = Convert.ToDecimal(row[5], CultureInfo.InvariantCulture);
        if (gap <= 0)
            return $"{name}: {won}, quota met; {forecast}{midpoint}{categories}; {overdue}.";
        return $"{name}: {won}, {Compact(gap, symbol)} still to win; {forecast}{midpoint}{categories}; coverage of the gap {Multiple(row[10])}, {overdue}.";
    }

    private static DateOnly Date(object? value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        var other => throw new InvalidCastException($"not a date: {other}"),
    };

    private static string Percent(object? rate) => rate is null ? "–" :
        (Convert.ToDouble(rate, CultureInfo.InvariantCulture) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A bias: "+3% (high)", "-4% (low)", "0%".</summary>
    private static string Bias(object? value)
    {
        var percent = Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture) * 100);
        return percent == 0 ? "0%" : percent > 0 ? $"+{percent:0}% (high)" : $"{percent:0}% (low)";
    }

    private static string Multiple(object? value)
    {
        if (value is null)
            return "–";
        var ratio = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return ratio.ToString(ratio is > 0 and < 0.1 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "x";
    }

    private static string Amount(object? value) => value is null ? "–" :
        "$" + Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>"$5.7M", "$120k", "$4.5k", "$900".</summary>
    private static string Compact(object? value, string symbol)
    {
        var amount = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var size = Math.Abs(amount);
        var text = size >= 999_950 ? (size / 1e6).ToString("#,##0.0", CultureInfo.InvariantCulture) + "M"
            : size >= 9_999.5 ? (size / 1e3).ToString("0", CultureInfo.InvariantCulture) + "k"
            : size >= 999.95 ? (size / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + "k"
            : size.ToString("0", CultureInfo.InvariantCulture);
        return (Math.Round(amount) < 0 ? "-" : "") + symbol + text;
    }
}
