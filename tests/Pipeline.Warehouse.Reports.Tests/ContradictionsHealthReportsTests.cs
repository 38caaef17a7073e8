using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// Dates and references that contradict each other are kept, listed in marts.data_contradictions,
/// and counted and shown on the data-quality page of the health report.
/// </summary>
public sealed class ContradictionsHealthReportsTests(ContradictionsWarehouse warehouse) : IClassFixture<ContradictionsWarehouse>
{
    [Fact]
    public void Build_ContradictingRows_LoadedAndListed()
    {
        warehouse.Rows("select deal_id, status from core.fact_deal order by deal_id").Select(r => ((string)r[0]!, (string)r[1]!))
            .Should().Equal(("D1", "won"), ("D2", "open"), ("D3", "open"));
        warehouse.Rows("select kind, deal_id, rep_id, strftime(created_at, '%Y-%m-%d'), strftime(contradicting_at, '%Y-%m-%d %H:%M'), history_rows, manager_id from marts.data_contradictions order by kind, deal_id")
            .Should().BeEquivalentTo(
            [
                new object?[] { "closed_before_created", "D1", "R1", "2026-06-01", "2026-05-01 10:00", null, null },
                new object?[] { "history_before_created", "D1", "R1", "2026-06-01", "2026-04-20 09:00", 2L, null },
                new object?[] { "history_before_created", "D3", "R2", "2026-03-01", "2026-02-01 00:00", 1L, null },
                new object?[] { "unknown_manager", null, "R2", null, null, null, "R9" },
            ], options => options.WithStrictOrdering());
    }

    [Fact]
    public void Write_ContradictingRows_CountedAndListedOnTheDataQualityPage()
    {
        var result = HealthReports.Write(warehouse.Warehouse, Path.Combine(warehouse.Output, "health-" + Guid.NewGuid().ToString("N")));

        // The data-quality section, from its heading to the end (its table may run onto another page).
        var pages = PdfText.Pages(result.ExecutiveFile);
        var page = string.Join(" ", pages.SkipWhile(text => !text.Contains("Data quality (latest run)")));
        // Each kind's count is marts.data_quality's (1 + 2 + 1 rows above).
        page.Should().Contain("Contradictions loaded as exported (see marts.data_contradictions): Closed before created: 1; Stage history before created: 2; Manager id names no rep: 1.");
        page.Should().Contain("deal D1").And.Contain("created 2026-06-01 00:00, closed 2026-05-01 10:00");
        page.Should().Contain("deal D3").And.Contain("first stage entered 2026-02-01 00:00 (1 history row before creation)");
        page.Should().Contain("rep R2").And.Contain("manager_id R9 is the rep_id of no rep");
    }
}
