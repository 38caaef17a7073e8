using ClosedXML.Excel;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// Issue 10, "labels and formats": amounts carry the reporting currency's symbol from
/// marts.report_context and no ".00" when whole, in the workbooks and the PDFs; no report shows a
/// local path (the data-quality page names input files by their file name).
/// </summary>
public sealed class CurrencyAndPathsTests(EuroWarehouse euro) : IClassFixture<EuroWarehouse>
{
    [Fact]
    public void ReportSource_Context_IsTheLatestLoadsReportContext()
    {
        using var source = ReportSource.Open(euro.Warehouse);

        source.Context.Should().NotBeNull();
        source.Context!.ReportingCurrency.Should().Be("EUR");
        source.CurrencySymbol.Should().Be("€");
        source.Context.AsOf.Should().Be(BuiltWarehouse.AsOf);
        source.Context.LatestCompleteMonth.Should().Be(new DateOnly(2026, 11, 1));
        source.Context.CurrentQuarterStart.Should().Be(new DateOnly(2026, 10, 1));
        source.Context.NextQuarterStart.Should().Be(new DateOnly(2027, 1, 1));
        source.Context.Deals.Should().Be(4);
    }

    [Fact]
    public void Workbooks_Amounts_HaveTheEuroSymbolAndCentsOnlyWhenThereAreSome()
    {
        var path = euro.Result.RepFiles.Single(file => Path.GetFileName(file).StartsWith("R1-", StringComparison.Ordinal));
        using var workbook = new XLWorkbook(path);
        var open = workbook.Worksheet("Open deals");

        open.Cell(5, 6).GetDouble().Should().Be(1234.5);
        open.Cell(5, 6).Style.NumberFormat.Format.Should().Be("\"€\"#,##0.00");
        var summary = workbook.Worksheet("Summary");
        var amount = SheetRead.Row(summary, "Won amount", SheetRead.Row(summary, RepWorkbook.CompareSection));
        // Column I: the rep's trailing 12 months.
        summary.Cell(amount, 9).GetDouble().Should().Be(1234567);
        summary.Cell(amount, 9).Style.NumberFormat.Format.Should().Be("\"€\"#,##0");
    }

    [Fact]
    public void Workbooks_Funnel_ShowsTheUsersTwoStepsUnderTheirLabels()
    {
        var path = euro.Result.RepFiles.Single(file => Path.GetFileName(file).StartsWith("R1-", StringComparison.Ordinal));
        using var workbook = new XLWorkbook(path);
        var funnel = workbook.Worksheet(RepWorkbook.FunnelSheet);
        var steps = funnel.Column(1).CellsUsed().Select(cell => cell.GetString()).Where(text => text.Contains('→')).ToList();

        steps.Should().Equal("Prospecting → Engaging", "Engaging → Won");
        Enumerable.Range(5, 2).Select(row => funnel.Cell(row, 1).GetString()).Should().Equal(steps, "only the two used steps, one row each");
        funnel.Cell(7, 1).GetString().Should().NotContain("→");
        // "Engaging" (opportunity) goes on to Won, not to the canonical next stage: no k -> k + 1 benchmark fits it.
        funnel.Cell(6, 7).GetString().Should().Be("no benchmark");
        using var manager = new XLWorkbook(euro.Result.ManagerFiles.Single());
        manager.Worksheet(ManagerWorkbook.CoachingSheet).Column(3).CellsUsed().Select(cell => cell.GetString()).Where(text => text.Contains('→'))
            .Distinct().Should().BeEquivalentTo("Prospecting → Engaging", "Engaging → Won");
        var pipeline = manager.Worksheet(ManagerWorkbook.PipelineSheet);
        pipeline.Column(1).CellsUsed().Select(cell => cell.GetString()).Should().Contain("Engaging").And.Contain("Prospecting").And.NotContain("opportunity");
    }

    [Fact]
    public void HealthPdf_AmountsHaveTheEuroSymbol_AndInputFilesAreNamedWithoutTheirFolder()
    {
        // A warehouse whose run log holds full input paths (as a run given an absolute --input may store them).
        var copy = Path.Combine(euro.Root, "paths-" + Guid.NewGuid().ToString("N") + ".duckdb");
        File.Copy(euro.Warehouse, copy);
        using (var connection = new DuckDBConnection(WarehouseConnection.ConnectionString(copy, readOnly: false)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "update meta.load_file set file = '/home/someone/exports/nightly/' || file";
            command.ExecuteNonQuery();
        }

        var result = HealthReports.Write(copy, Path.Combine(euro.Output, "health-" + Guid.NewGuid().ToString("N")));
        var text = string.Join("\n", PdfText.Pages(result.ExecutiveFile));

        text.Should().Contain("Bookings (amount won) €1,234,567");
        text.Should().NotContain("1,234,567.00");
        text.Should().Contain("deals.csv");
        text.Should().NotContain("/home/someone");
        text.Should().NotContain("exports/nightly");
    }

    [Fact]
    public void HealthPdf_Funnel_ShowsOnlyTheUsersTwoSteps()
    {
        var result = HealthReports.Write(euro.Warehouse, Path.Combine(euro.Output, "health-" + Guid.NewGuid().ToString("N")));

        foreach (var file in result.ManagerFiles.Prepend(result.ExecutiveFile))
        {
            // The funnel page: Prospecting (lead) and Engaging (opportunity) are the only stages a deal enters.
            var funnel = PdfText.Pages(file).Single(page => page.Contains("Stage conversion:", StringComparison.Ordinal));
            funnel.Should().Contain("Prospecting → Engaging", file).And.Contain("Engaging → Won", file);
            foreach (var unused in new[] { "Connect call", "Discovery call", "Demo", "Negotiation", "connect_call", "discovery_call", "Lead" })
                funnel.Should().NotContain(unused, file);
        }
    }
}
