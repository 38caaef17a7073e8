using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// A real Salesforce export (the demo org, tests/fixtures/salesforce_in_powerbi_demo): report-style
/// dates (02/23/26 08:55 PM), a multi-line quoted account name, no OwnerId and no User export, and
/// deals won and then lost. The expected timelines are worked out by hand from OpportunityHistory.csv.
/// </summary>
public sealed class SalesforceDemoOrgTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "salesforce_in_powerbi_demo");
    private readonly WarehouseRun _run = new();

    public void Dispose() => _run.Dispose();

    private List<(string Stage, string EnteredAt)> Timeline(string dealId) =>
        _run.Rows("select stage, strftime(entered_at, '%Y-%m-%d %H:%M') from core.fact_stage_transition where deal_id = $id order by entered_at, stage_order nulls last", ("id", dealId))
            .Select(row => ((string)row[0]!, (string)row[1]!)).ToList();

    [Fact]
    public void Run_DemoOrgExport_RecognisedAndEveryRowAccountedFor()
    {
        var result = _run.WithFolder(Fixture).Run(asOf: "2026-03-31");

        result.Dialect.Should().Be("salesforce");
        result.DialectReason.Should().Be("recognised from the headers");
        result.Files.Select(f => (f.File, f.Rows, f.Loaded, f.Rejected, f.Duplicates)).Should().Equal(
            ("Opportunity.csv", 36, 36, 0, 0),
            ("OpportunityHistory.csv", 48, 48, 0, 0),
            ("Account.csv", 18, 18, 0, 0));
        result.Deals.Should().Be(36);
        _run.Scalar<string>("select string_agg(distinct dialect) from meta.load_file").Should().Be("salesforce");
    }

    [Fact]
    public void Run_DealWonThenLost_TimelineHasBothClosesAndEndsLost()
    {
        _run.WithFolder(Fixture).Run(asOf: "2026-03-31");

        // 006bm00000LKgOnAAL: Prospecting 02/24/26 02:18 AM, Closed Won 02:20 AM, Closed Lost 03/07/26 08:59 PM.
        Timeline("006bm00000LKgOnAAL").Should().Equal(
            ("lead", "2026-02-24 02:18"), ("closed_won", "2026-02-24 02:20"), ("closed_lost", "2026-03-07 20:59"));
        // 006bm00000LKJNTAA5: Closed Won 02/23/26 08:55 PM, then Closed Lost 03/07/26 09:00 PM.
        Timeline("006bm00000LKJNTAA5").Should().Equal(("closed_won", "2026-02-23 20:55"), ("closed_lost", "2026-03-07 21:00"));
        var deal = _run.Rows("select status, current_stage, strftime(closed_at, '%Y-%m-%d %H:%M') from core.fact_deal where deal_id = '006bm00000LKgOnAAL'").Single();
        deal.Should().Equal("lost", "closed_lost", "2026-03-07 20:59");
    }

    [Fact]
    public void Run_AsOfBeforeTheReopening_DealIsStillWon()
    {
        _run.WithFolder(Fixture).Run(asOf: "2026-03-01");

        Timeline("006bm00000LKgOnAAL").Should().Equal(("lead", "2026-02-24 02:18"), ("closed_won", "2026-02-24 02:20"));
        _run.Scalar<string>("select status from core.fact_deal where deal_id = '006bm00000LKgOnAAL'").Should().Be("won");
    }

    [Fact]
    public void Run_SkippedStagesAndDefaultSalesforceMaps_MapToCanonicalStagesAndLeadTypes()
    {
        _run.WithFolder(Fixture).Run(asOf: "2026-03-31");

        // Prospecting 02:19 -> Proposal/Price Quote 02:20: lead, then decision-maker buy-in (stages between skipped).
        Timeline("006bm00000LKdM8AAL").Should().Equal(("lead", "2026-02-24 02:19"), ("decision_maker_buy_in", "2026-02-24 02:20"));
        // Qualification, LeadSource "Purchased List", account Dickenson plc with 120 employees, Amount 15000.
        // CloseDate 02/03/24 is 3 February 2024 (MM/dd/yy), not the year 2.
        var deal = _run.Rows("""
            select current_stage, lead_type, company_size, cast(amount as double), rep_id, region, product, strftime(created_at, '%Y-%m-%d'),
                   cast(expected_close_date_as_exported as varchar)
            from core.fact_deal where deal_id = '006bm00000LKJNNAA5'
            """).Single();
        deal.Should().Equal("connect_call", "target_account", "mid_market", 15000.0, "(unassigned)", "Unknown", "Unknown", "2026-02-23", "2024-02-03");
        // The close date known at T is the latest OpportunityHistory row's that carries one (METRICS.md
        // section 9): this sample org's history says 2021-01-27, and the source column says where it is from.
        _run.Rows("select cast(expected_close_date as varchar), expected_close_date_source from core.fact_deal where deal_id = '006bm00000LKJNNAA5'")
            .Single().Should().Equal("2021-01-27", "stage_history");
        Timeline("006bm00000LKJNNAA5").Should().Equal(("connect_call", "2026-02-23 20:55"));
        // No OwnerId column and no User export: one "unassigned" rep owns every deal.
        _run.Rows("select rep_id, rep_name, team, region from core.dim_rep").Should().BeEquivalentTo(
            [new object?[] { "(unassigned)", "Unassigned", "Unassigned", "Unknown" }]);
    }
}
