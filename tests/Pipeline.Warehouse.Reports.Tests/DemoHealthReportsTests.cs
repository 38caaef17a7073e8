using System.Globalization;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class DemoHealthReportsTests(DemoHealthReports reports) : IClassFixture<DemoHealthReports>
{
    // T = 2026-12-01 (the day after the as-of date); the latest complete month M is November 2026.
    private const string November = "closed_at >= timestamp '2026-11-01' and closed_at < timestamp '2026-12-01'";

    private BuiltWarehouse Demo => reports.Warehouse;

    // Amounts in the PDFs: the reporting currency's symbol (marts.report_context; the demo's is USD), whole.
    private static string Amount(decimal value) => (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("#,##0", CultureInfo.InvariantCulture);

    // A mart's amount: "–" when NULL (no quota).
    private static string Amount(object? value) => value is null ? "–" : Amount(Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero));

    [Fact]
    public void Write_DemoWarehouse_ExecutivePdfAndOnePdfPerTeamOfTheManagerWorkbooks()
    {
        reports.Health.AsOf.Should().Be(BuiltWarehouse.AsOf);
        File.Exists(reports.Health.ExecutiveFile).Should().BeTrue();
        Path.GetFileName(reports.Health.ExecutiveFile).Should().Be("executive-health.pdf");
        // One PDF per team of a current rep (ReportSet.Teams): every team with a manager workbook, and a team
        // whose reps have no deals (the demo's Sales Leadership) too, its figures zeros.
        var teams = Demo.Rows("select distinct team from core.dim_rep where is_current and team is not null").Select(row => SafeFileName.From((string)row[0]!, "team")).ToList();
        reports.Health.ManagerFiles.Select(Path.GetFileNameWithoutExtension).Should().BeEquivalentTo(teams);
        reports.Warehouse.Result.ManagerFiles.Select(Path.GetFileNameWithoutExtension).Should().BeSubsetOf(teams);
        reports.Health.ManagerFiles.Should().OnlyContain(path => File.Exists(path) && Path.GetDirectoryName(path) == Path.Combine(reports.Health.OutputDirectory, "managers"));
    }

    [Fact]
    public void ExecutiveTiles_LatestCompleteMonthAgainstTheMonthBefore()
    {
        // After the forecast, its charts, how far to trust it and the top warnings: on page 1 when they fit, else at the top of page 2.
        var pages = PdfText.Pages(reports.Health.ExecutiveFile);
        var page1 = pages[0] + " " + pages[1];
        // Bookings: the amount of the deals won in November; win rate: won / closed in November.
        var won = Demo.Decimal($"select coalesce(sum(amount), 0) from core.fact_deal where status = 'won' and {November}");
        var wonCount = Demo.Decimal($"select count(*) from core.fact_deal where status = 'won' and {November}");
        var closed = Demo.Decimal($"select count(*) from core.fact_deal where status in ('won', 'lost') and {November}");
        var octoberWon = Demo.Decimal("select coalesce(sum(amount), 0) from core.fact_deal where status = 'won' and closed_at >= timestamp '2026-10-01' and closed_at < timestamp '2026-11-01'");
        // The as-of date is November's last day, so the open pipeline at November's end is every open deal.
        var open = Demo.Decimal("select coalesce(sum(amount), 0) from core.fact_deal where status = 'open'");
        // Velocity at November's end is the velocity at T; October's is marts.velocity_monthly's.
        var velocity = Demo.Decimal("select velocity_per_day from marts.velocity where segment_type = 'all'");
        var octoberVelocity = Demo.Decimal("select velocity_per_day from marts.velocity_monthly where segment_type = 'all' and month = date '2026-10-01'");
        page1.Should().Contain("Bookings (amount won) " + Amount(won));
        page1.Should().Contain("Oct 2026: " + Amount(octoberWon));
        page1.Should().Contain($"{wonCount:0} of {closed:0} closed");
        page1.Should().Contain("Win rate " + Math.Round(wonCount / closed * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%");
        page1.Should().Contain("Open pipeline " + Amount(open));
        page1.Should().Contain("Velocity (per day) " + Amount(velocity));
        page1.Should().Contain("Oct 2026: " + Amount(octoberVelocity));
        page1.Should().Contain("Median won cycle");
    }

    [Fact]
    public void ExecutivePage1_TopWarnings_InPlainWords()
    {
        var page1 = PdfText.Pages(reports.Health.ExecutiveFile)[0];
        var warnings = Demo.Rows("""
            select segment_type, segment_value, metric, stage, current_n, current_value, baseline_n, baseline_value
            from marts.segment_warnings
            """);
        warnings.Should().NotBeEmpty("the demo data has early warnings");
        var found = warnings.Count(warning => page1.Contains(Sentence(warning), StringComparison.Ordinal));
        // Page 1 states the top warnings (at most TopWarnings of them), each as its sentence.
        found.Should().Be(Math.Min(warnings.Count, HealthDocument.TopWarnings));
        page1.Should().NotContain(WarningText.NoWarnings);
        // Segments and stages by their labels, never by their codes.
        page1.Should().NotContain("mid_market").And.NotContain("discovery_call").And.NotContain("warm_call");
    }

    [Fact]
    public void TeamPdfs_OnlyTheirOwnWarningsAndReps()
    {
        foreach (var (team, file) in TeamFiles())
        {
            var text = string.Join(" ", PdfText.Pages(file));
            // Every current rep of the team is in its table (marked when reps.csv says inactive); no rep of another team is named anywhere.
            foreach (var row in Demo.Rows("select rep_name, team, is_active from core.dim_rep where is_current"))
            {
                if ((string)row[1]! == team)
                    text.Should().Contain((string)row[0]! + (row[2] is false ? " (inactive)" : ""), file);
                else
                    text.Should().NotContain((string)row[0]!, file);
            }
            // Its own warnings (marts.team_warnings), each in its sentence or its table row; no company warning that is not the team's.
            var own = Demo.Rows("""
                select segment_type, segment_value, metric, stage, current_n, current_value, baseline_n, baseline_value
                from marts.team_warnings where team = $team
                """, ("team", team));
            var page1 = PdfText.Pages(file)[0];
            if (own.Count == 0)
                page1.Should().Contain($"{WarningText.NoWarnings} in team {team}'s deals.");
            else
                own.Take(HealthDocument.TopWarnings).Should().OnlyContain(warning => page1.Contains(Sentence(warning), StringComparison.Ordinal), file);
            foreach (var warning in Demo.Rows("select segment_type, segment_value, metric, stage, current_n, current_value, baseline_n, baseline_value from marts.segment_warnings"))
                if (!own.Any(mine => mine.Take(4).SequenceEqual(warning.Take(4))))
                    text.Should().NotContain(Sentence(warning), file);
        }
    }

    [Fact]
    public void TeamPdf_RepTableTotalRow_IsTheTeamsPeriodAttainmentRow()
    {
        foreach (var (team, file) in TeamFiles())
        {
            var text = string.Join(" ", PdfText.Pages(file));
            var rows = Demo.Rows("""
                select a.quota, a.won_to_date, a.attainment, a.gap, a.open_in_period, a.coverage, a.stalled_deals, a.overdue_open, a.overdue_deals,
                    f.expected_from_open, f.forecast_total
                from marts.period_attainment as a
                join marts.forecast_scopes as f on f.scope_type = 'team' and f.team = a.team and f.period_type = a.period_type and f.period = a.period
                where a.scope_type = 'team' and a.team = $team and a.period = 'current'
                order by a.period_type desc
                """, ("team", team));
            rows.Should().HaveCount(2, "the current quarter and month");
            foreach (var row in rows)
            {
                // Team, quota, won, attainment, still to win, open in period, coverage, expected from open deals and forecast
                // (marts.forecast_scopes), stalled, overdue (amount and deals).
                var overdue = Long(row[8]) == 0 ? "0" : $"{Amount(row[7])} ({row[8]})";
                var coverage = row[5] is null ? "–" : Multiple(row[5]);
                text.Should().Contain($"Team total {Amount(row[0])} {Amount(row[1])} {(row[2] is null ? "–" : Percent(row[2]))} {Amount(row[3])} {Amount(row[4])} "
                    + $"{coverage} {Amount(row[9])} {Amount(row[10])} {row[6]} {overdue}", file);
            }
            // Then the team's median rep (marts.team_medians).
            var reps = Demo.Decimal("select reps from marts.team_medians where team = $team and period_type = 'quarter' and period = 'current'", ("team", team));
            text.Should().Contain($"Median rep (of {reps:0})", file);
        }
    }

    [Fact]
    public void EveryPage_Footer_HasPageNumberAndAsOfDate()
    {
        foreach (var file in reports.AllFiles)
        {
            var pages = PdfText.Pages(file);
            pages.Should().HaveCountGreaterThan(3, file);
            for (var i = 0; i < pages.Count; i++)
            {
                pages[i].Should().Contain($"Page {i + 1} of {pages.Count}", file);
                pages[i].Should().Contain("As of 2026-11-30", file);
            }
        }
    }

    [Fact]
    public void ExecutiveCharts_TextDrawnOnce()
    {
        var charts = PdfText.Pages(reports.Health.ExecutiveFile).Single(page => page.Contains("Funnel and trends", StringComparison.Ordinal));
        // The funnel legend and a trend chart's axis label, each drawn once (ScottPlot renders twice when warming up).
        charts.Split("6 months before (pooled)").Should().HaveCount(2);
        charts.Split("win rate, %").Should().HaveCount(2);
    }

    [Fact]
    public void EveryPdf_FontsEmbeddedAndChartsVectors()
    {
        foreach (var file in reports.AllFiles)
        {
            System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)).Should().Contain("/FontFile2", file);
            PdfText.FontNames(file).Should().OnlyContain(name => name.Contains("DejaVuSans"), file);
            PdfText.ImageCounts(file).Should().OnlyContain(count => count == 0, file);
        }
    }

    [Fact]
    public void ExecutivePdf_TablesAndLastPage_HaveWarningsStalledDealsDefinitionsAndQuality()
    {
        var pages = PdfText.Pages(reports.Health.ExecutiveFile);
        var all = string.Join(" ", pages);
        all.Should().Contain("Every early warning").And.Contain("Largest stalled deals").And.Contain("Sales velocity by segment");
        var largest = Demo.Rows("select deal_name from core.fact_deal where status = 'open' and is_stalled order by amount desc nulls last, deal_id limit 1");
        all.Should().Contain((string)largest[0][0]!);
        // The definitions (with the forecast's) and the data-quality notes close the report, over its last two pages.
        var notes = pages[^2] + " " + pages[^1];
        notes.Should().Contain("Definitions").And.Contain("Data quality").And.Contain("stage_history.csv");
        var synthesized = Demo.Decimal("select count(distinct deal_id) from core.fact_stage_transition where is_synthesized");
        notes.Should().Contain($"{synthesized:0} whose stage history was synthesized");
    }

    private static string Percent(object? rate) =>
        (Convert.ToDouble(rate, CultureInfo.InvariantCulture) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Deals(object? count) => Long(count) is var n && n == 1 ? "1 deal" : n.ToString("#,##0", CultureInfo.InvariantCulture) + " deals";

    private static long Long(object? value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>A coverage: "2.2x", with two decimals below 0.1 ("0.04x").</summary>
    private static string Multiple(object? value)
    {
        var ratio = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return ratio.ToString(ratio is > 0 and < 0.1 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "x";
    }

    /// <summary>Each team's PDF: managers/ holds one per team, named by SafeFileName.</summary>
    private IEnumerable<(string Team, string File)> TeamFiles()
    {
        var teams = Demo.Rows("select distinct team from core.dim_rep where is_current and team is not null").Select(row => (string)row[0]!).ToList();
        reports.Health.ManagerFiles.Should().HaveCount(teams.Count);
        return teams.Select(team => (team, reports.Health.ManagerFiles.Single(file => Path.GetFileNameWithoutExtension(file) == SafeFileName.From(team, "team"))));
    }

    /// <summary>"$5.7M", "$120k", "$4.5k", "$900": amounts in the headline sentences.</summary>
    private static string Compact(object? value)
    {
        var amount = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var size = Math.Abs(amount);
        var text = size >= 999_950 ? (size / 1e6).ToString("#,##0.0", CultureInfo.InvariantCulture) + "M"
            : size >= 9_999.5 ? (size / 1e3).ToString("0", CultureInfo.InvariantCulture) + "k"
            : size >= 999.95 ? (size / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + "k"
            : size.ToString("0", CultureInfo.InvariantCulture);
        return (Math.Round(amount) < 0 ? "-" : "") + "$" + text;
    }

    /// <summary>A warning row in words, built by hand from the mart and the labels: "Region EMEA: Discovery call → Opportunity conversion fell to 45% (of 31 exits) from 96% (of 120)".</summary>
    private string Sentence(object?[] warning)
    {
        var (type, value) = ((string)warning[0]!, (string)warning[1]!);
        string Label(string kind, string code) => Demo.Rows("select label from marts.labels where kind = $kind and value = $value", ("kind", kind), ("value", code)) is [var row, ..] ? (string)row[0]! : code;
        var segment = type switch
        {
            "all" => "All deals",
            "region" => "Region " + Label("region", value),
            "product" => "Product " + Label("product", value),
            "company_size" => "Company size " + Label("company_size", value),
            _ => "Lead type " + Label("lead_type", value),
        };
        var n = Long(warning[4]);
        var baselineN = Long(warning[6]);
        var text = (string)warning[2]! switch
        {
            "pipeline_creation" => $"new pipeline fell to {Deals(n)} from a monthly mean of {Convert.ToDouble(warning[7], CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture)}",
            "cycle_time" => $"median won sales cycle rose to {Convert.ToDouble(warning[5], CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture)} d ({n} won)",
            "win_rate" => $"win rate fell to {Percent(warning[5])} (of {n} closed) from {Percent(warning[7])} (of {baselineN})",
            _ => $"{StageStep((string)warning[3]!)} conversion fell to {Percent(warning[5])} (of {n} exits) from {Percent(warning[7])} (of {baselineN})",
        };
        return $"{segment}: {text}";
    }

    /// <summary>"Discovery call → Opportunity": the stage's label and the next stage's (every demo stage is used).</summary>
    private string StageStep(string stage) =>
        (string)Demo.Rows("""
            select stage.label || ' → ' || next.label
            from core.dim_stage as stage join core.dim_stage as next on next.stage_order = stage.stage_order + 1
            where stage.stage = $stage
            """, ("stage", stage))[0][0]!;
}
