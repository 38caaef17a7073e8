using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class EdgeCaseHealthReportsTests(EdgeCaseWarehouse edge) : IClassFixture<EdgeCaseWarehouse>
{
    private HealthReportResult Write() =>
        HealthReports.Write(edge.Warehouse, Path.Combine(edge.Output, "health-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public void Write_NoWarnings_SaysNoSegmentShowsADrop()
    {
        edge.Decimal("select count(*) from marts.segment_warnings").Should().Be(0, "five deals are far below the thresholds");
        var pages = PdfText.Pages(Write().ExecutiveFile);
        pages[0].Should().Contain("No segment shows a significant drop this month");
    }

    [Fact]
    public void Write_TeamOfOne_ItsOwnPdfWithItsDealsOnly()
    {
        var result = Write();
        var solo = result.ManagerFiles.Should().ContainSingle(path => Path.GetFileName(path) == "Solo.pdf").Subject;
        var pages = PdfText.Pages(solo);
        pages[0].Should().Contain("team Solo");
        // R3's one open deal (900) is the team's whole open pipeline; the East deals are not in it.
        pages[0].Should().Contain("Open pipeline $900 1 deal;");
        for (var i = 0; i < pages.Count; i++)
            pages[i].Should().Contain($"Page {i + 1} of {pages.Count}").And.Contain("As of 2026-11-30");
    }

    [Fact]
    public void Write_TeamNames_SanitizedFilesInManagersFolder()
    {
        var result = Write();
        result.ManagerFiles.Select(Path.GetFileName).Should().BeEquivalentTo(["East.pdf", "Solo.pdf"]);
        result.ManagerFiles.Should().OnlyContain(path => Path.GetDirectoryName(path) == Path.Combine(result.OutputDirectory, "managers"));
        PdfText.Pages(result.ExecutiveFile).Should().NotBeEmpty();
    }
}
