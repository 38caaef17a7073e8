using System.Globalization;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class DemoHealthReportsTests(DemoHealthReports reports) : IClassFixture<DemoHealthReports>
{
    // T = 2026-12-01 (the day after the as-of date); the latest complete month M is November 2026.
    private const string November = "closed_at >= timestamp '2026-11-01' and closed_at < timestamp '2026-12-01'";

    private BuiltWarehouse Demo => reports.Warehouse;

    // Amounts in the PDFs: the reporting currency's symbol (marts.report_context; the demo's is USD), whole.
    private static string Amount(decimal value) => "$" + value.ToString("#,##0", CultureInfo.InvariantCulture);

    [Fact]
    public void Write_DemoWarehouse_ExecutivePdfAndOnePdfPerTeamOfTheManagerWorkbooks()
    {
        reports.Health.AsOf.Should().Be(BuiltWarehouse.AsOf);
        File.Exists(reports.Health.ExecutiveFile).Should().BeTrue();
        Path.GetFileName(reports.Health.ExecutiveFile).Should().Be("executive-health.pdf");
        // The same teams as the Excel manager workbooks: managers/<team>.xlsx <-> managers/<team>.pdf.
        reports.Health.ManagerFiles.Select(Path.GetFileNameWithoutExtension)
            .Should().BeEquivalentTo(reports.Warehouse.Result.ManagerFiles.Select(Path.GetFileNameWithoutExtension));
        reports.Health.ManagerFiles.Should().OnlyContain(path => File.Exists(path) && Path.GetDirectoryName(path) == Path.Combine(reports.Health.OutputDirectory, "managers"));
    }

    [Fact]
    public void ExecutivePage1_HeadlineFigures_MatchTheWarehouse()
    {
        var page1 = PdfText.Pages(reports.Health.ExecutiveFile)[0];
        // Bookings: the amount of the deals won in November; win rate: won / closed in November.
        var won = Demo.Decimal($"select coalesce(sum(amount), 0) from core.fact_deal where status = 'won' and {November}");
        var wonCount = Demo.Decimal($"select count(*) from core.fact_deal where status = 'won' and {November}");
        var closed = Demo.Decimal($"select count(*) from core.fact_deal where status in ('won', 'lost') and {November}");
        // The as-of date is November's last day, so the open pipeline at November's end is every open deal.
        var open = Demo.Decimal("select coalesce(sum(amount), 0) from core.fact_deal where status = 'open'");
        var velocity = Demo.Decimal("select velocity_per_day from marts.velocity where segment_type = 'all'");
        page1.Should().Contain("Bookings (amount won) " + Amount(won));
        page1.Should().Contain($"{wonCount:0} of {closed:0} closed");
        page1.Should().Contain("Win rate " + Math.Round(wonCount / closed * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%");
        page1.Should().Contain("Open pipeline " + Amount(open));
        page1.Should().Contain("Velocity (per day) " + Amount(velocity));
        page1.Should().Contain("Coverage vs quota");
    }

    [Fact]
    public void VelocityTrendQuery_AllDeals_EqualsTheMart()
    {
        // Filtering no deal, the report's velocity at each month end is marts.velocity_monthly's 'all' row.
        using var queries = new ReportQueries(Demo.Warehouse);
        var rows = queries.Rows("health_velocity_trend", ("as_of", BuiltWarehouse.AsOf), ("team", ""));
        rows.Select(row => row.Date("month")).Should().Equal(new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 1));
        foreach (var row in rows)
        {
            var mart = Demo.Rows("select velocity_per_day, open_opportunities from marts.velocity_monthly where segment_type = 'all' and month = $month", ("month", row.Date("month")!.Value));
            row.Double("velocity_per_day").Should().BeApproximately(Convert.ToDouble(mart[0][0], CultureInfo.InvariantCulture), 1e-6);
            row.Long("open_opportunities").Should().Be(Convert.ToInt64(mart[0][1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void ExecutivePage1_TopWarnings_InPlainWords()
    {
        var page1 = PdfText.Pages(reports.Health.ExecutiveFile)[0];
        var warnings = Demo.Rows("""
            select segment_type, segment_value, metric, stage, current_n, current_value, baseline_value, z_score
            from marts.segment_warnings
            """);
        warnings.Should().NotBeEmpty("the demo data has early warnings");
        var found = 0;
        foreach (var warning in warnings)
        {
            // Built by hand from the row: "EMEA: discovery call -> opportunity fell to 45% from 96% (z = -9.2)".
            var segment = (string)warning[0]! switch
            {
                "all" => "All deals",
                "region" => (string)warning[1]!,
                "product" => "Product " + warning[1],
                "company_size" => "Company size " + warning[1],
                _ => "Lead type " + warning[1],
            };
            var text = (string)warning[2]! switch
            {
                "pipeline_creation" => $"new pipeline fell to {warning[4]} deals from a monthly mean of {Convert.ToDouble(warning[6], CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture)}",
                "cycle_time" => "median won sales cycle rose to",
                var metric => (metric == "win_rate" ? "win rate" : StageStep((string)warning[3]!))
                    + $" fell to {Percent(warning[5])} from {Percent(warning[6])} (z = {Convert.ToDouble(warning[7], CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture)})",
            };
            if (page1.Contains($"{segment}: {text}", StringComparison.Ordinal))
                found++;
        }
        // Page 1 states the top warnings (at most TopWarnings of them), each as its sentence.
        found.Should().Be(Math.Min(warnings.Count, HealthDocument.TopWarnings));
        page1.Should().NotContain(WarningText.NoWarnings);
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
        var charts = PdfText.Pages(reports.Health.ExecutiveFile)[1];
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
        pages[^1].Should().Contain("Definitions").And.Contain("Data quality").And.Contain("stage_history.csv");
        var synthesized = Demo.Decimal("select count(distinct deal_id) from core.fact_stage_transition where is_synthesized");
        pages[^1].Should().Contain($"{synthesized:0} whose stage history was synthesized");
    }

    private static string Percent(object? rate) =>
        (Convert.ToDouble(rate, CultureInfo.InvariantCulture) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string StageStep(string stage)
    {
        var order = Array.IndexOf(Stages.Names, stage) + 1;
        return $"{Stages.Names[order - 1]} -> {Stages.Names[order]}".Replace('_', ' ');
    }
}
