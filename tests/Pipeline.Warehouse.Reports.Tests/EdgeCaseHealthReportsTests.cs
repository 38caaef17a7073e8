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
    public void Write_NoQuotas_ForecastSentencesSayNoQuotaSet()
    {
        var page1 = PdfText.Pages(Write().ExecutiveFile)[0];
        // No quotas.csv. Nothing won since October (D1 and D2 closed in the summer). Reached opportunity and open: D3 ($700,
        // expected 2026-11-10, before the as-of date: overdue), D5 ($900, expected 2026-12-20), D4 ($300, expected 2027-01-15).
        // No quota: no attainment, gap or coverage, the forecast in words instead.
        // November ends with the as-of date (T = 2026-12-01): what was won is final. Q4 has December left: its forecast, in words.
        page1.Should().Contain("November 2026 (ended): no quota set; $0 won; $700 overdue. Q4 2026: no quota set for Q4 2026; $0 won, ");
        var windows = edge.Decimal("select training_windows from marts.forecast_scopes where scope_type = 'company' and period = 'current' and period_type = 'quarter'");
        var quarter = page1[page1.IndexOf("Q4 2026: no quota set", StringComparison.Ordinal)..];
        quarter = quarter[..(quarter.IndexOf("$700 overdue.", StringComparison.Ordinal) + "$700 overdue.".Length)];
        quarter.Should().Contain(windows > 0 ? "; $0 won, forecast $" : ForecastText.NoHistory);
        quarter.Should().NotContain("quota (").And.NotContain("coverage");
    }

    [Fact]
    public void Write_TeamOfOne_NamesNoRepOfTheOtherTeam()
    {
        var solo = Write().ManagerFiles.Single(path => Path.GetFileName(path) == "Solo.pdf");
        var text = string.Join(" ", PdfText.Pages(solo));
        // Its one rep, with its open deal (D5, $900, Q4) in the table; none of East's reps or deals.
        text.Should().Contain("Solo Rep");
        text.Should().NotContain("Zoë").And.NotContain("etc/passwd").And.NotContain("Open one");
        text.Should().Contain($"{WarningText.NoWarnings} in team Solo's deals.");
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
