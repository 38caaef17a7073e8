using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class UntrustedNamesHealthReportsTests(UntrustedNamesWarehouse warehouse) : IClassFixture<UntrustedNamesWarehouse>
{
    [Fact]
    public void Write_UntrustedDealAndAccountNames_DrawnAsTextCutWithEllipsis()
    {
        warehouse.Rows("select deal_id from core.fact_deal where is_stalled").Select(row => row[0]).Should().Equal("DX");
        var result = HealthReports.Write(warehouse.Warehouse, Path.Combine(warehouse.Output, "health"));
        var text = string.Join(" ", PdfText.Pages(result.ExecutiveFile));
        // The name starts as exported and is cut with an ellipsis at the column's edge.
        text.Should().Contain("=cmd|' /C calc'!A0 <b>bold</b>");
        text.Should().NotContain(UntrustedNamesWarehouse.StalledName);
        text.Should().Contain("…");
        text.Should().Contain("%PDF-1.7 ) Tj ET");
        // The team "../Ops" gets a sanitized file inside managers/.
        result.ManagerFiles.Select(Path.GetFileName).Should().Equal("Ops.pdf");
        result.ManagerFiles.Should().OnlyContain(path => Path.GetDirectoryName(path) == Path.Combine(result.OutputDirectory, "managers"));
        string.Join(" ", PdfText.Pages(result.ManagerFiles[0])).Should().Contain("%PDF-1.7 ) Tj ET");
    }
}
