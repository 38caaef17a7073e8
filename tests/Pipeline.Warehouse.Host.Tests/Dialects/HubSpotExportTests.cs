using System.Text;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// A hand-made HubSpot deals export, byte for byte as the UI writes it (BOM, CRLF, quoted headers
/// with doubled quotes, quoted commas), with two pipelines that give "Qualified" different meanings,
/// the history as wide "Date entered" columns, owners by name and companies by id; and the long
/// property-history form. Every expected figure is worked out by hand in the comments.
/// </summary>
public sealed class HubSpotExportTests : IDisposable
{
    private const string Config = """
        {
          "rejectThresholdPercent": 60,
          "hubspot": { "pipelineStageMaps": { "New Business": { "Qualified": "opportunity" }, "Renewals": { "Qualified": "discovery_call" } } }
        }
        """;

    // Line 1 header; 101 line 2, 102 line 3, 103 line 4 (its "Qualified" date is "soon"), 104 line 5
    // (it has a date in a "Signed" column, a stage no map knows).
    private const string Deals =
        "Record ID,Deal Name,Pipeline,Deal Stage,Amount,Close Date,Create Date,Deal owner,Original Source Type,Associated Company IDs,Associated Company,Closed Lost Reason,Product,"
        + "\"Date entered \"\"Qualified (New Business)\"\"\",\"Date entered \"\"Closed won (New Business)\"\"\",\"Date exited \"\"Qualified (New Business)\"\"\","
        + "\"Date entered \"\"Qualified (Renewals)\"\"\",\"Date entered \"\"Closed lost (Renewals)\"\"\",\"Date entered \"\"Signed (Renewals)\"\"\"\r\n"
        + "101,\"Acme, \"\"big\"\" deal\",New Business,Closed won,\"1,200.50\",2026-03-31,2026-01-05 09:00,Ann Lee,Referrals,501,Acme,,Platform,2026-01-10 10:00,2026-02-01 12:00,2026-02-01 12:00,,,\r\n"
        + "102,Renewal,Renewals,Closed lost,500,2026-04-30,2026-01-06 09:00,,ORGANIC_SEARCH,502,Globex,\"Price, mostly\",Platform,,,,2026-01-15 08:00,2026-02-20 08:00,\r\n"
        + "103,Bad date,New Business,Qualified,100,,2026-01-07 09:00,Ann Lee,,,,,Platform,soon,,,,,\r\n"
        + "104,Unknown stage,Renewals,Qualified,100,,2026-01-08 09:00,Bo Roe,,,,,Platform,,,,2026-01-09 08:00,,2026-01-10 08:00\r\n";

    private const string Owners = "First Name,Last Name,Email,Team,Country/Region\r\nAnn,Lee,ann@example.com,East,United Kingdom\r\nBo,Roe,bo@example.com,,Japan\r\n";

    private const string Companies = "Record ID,Company name,Country/Region,Number of Employees\r\n501,Acme,United States,40\r\n502,Globex,Brazil,2000\r\n";

    private readonly WarehouseRun _run = new();

    public void Dispose() => _run.Dispose();

    private WarehouseRun Export() => _run
        .WithBytes("hubspot-crm-exports-all-deals-2026-11-30.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Deals)])
        .WithFile("hubspot-crm-exports-users-2026-11-30.csv", Owners)
        .WithFile("hubspot-crm-exports-all-companies-2026-11-30.csv", Companies);

    private List<(string Stage, string EnteredAt)> Timeline(string dealId) =>
        _run.Rows("select stage, strftime(entered_at, '%Y-%m-%d %H:%M') from core.fact_stage_transition where deal_id = $id order by entered_at", ("id", dealId))
            .Select(row => ((string)row[0]!, (string)row[1]!)).ToList();

    [Fact]
    public void Run_Export_RecognisedFromTheHeadersAndEveryRowAccountedFor()
    {
        var result = Export().Run(configJson: Config);

        result.Dialect.Should().Be("hubspot");
        result.Files.Select(f => (f.File, f.Rows, f.Loaded, f.Rejected)).Should().Equal(
            ("hubspot-crm-exports-all-deals-2026-11-30.csv", 4, 2, 2),
            ("hubspot-crm-exports-users-2026-11-30.csv", 2, 2, 0),
            ("hubspot-crm-exports-all-companies-2026-11-30.csv", 2, 2, 0));
    }

    [Fact]
    public void Run_Export_WideColumnsBecomeTimelinesWithTheStageMapOfEachPipeline()
    {
        Export().Run(configJson: Config);

        // "Qualified" is opportunity in New Business and discovery call in Renewals; the "Date exited" column is not needed.
        Timeline("101").Should().Equal(("opportunity", "2026-01-10 10:00"), ("closed_won", "2026-02-01 12:00"));
        Timeline("102").Should().Equal(("discovery_call", "2026-01-15 08:00"), ("closed_lost", "2026-02-20 08:00"));
    }

    [Fact]
    public void Run_Export_DealsTakeOwnerByNameAndRegionAndSizeFromTheCompany()
    {
        Export().Run(configJson: Config);

        _run.Rows("""
            select deal_id, deal_name, rep_id, account_name, region, company_size, lead_type, cast(amount as double), status, loss_reason, product
            from core.fact_deal order by deal_id
            """).Should().BeEquivalentTo(
            [
                new object?[] { "101", "Acme, \"big\" deal", "Ann Lee", "Acme", "North America", "smb", "referral", 1200.50, "won", null, "Platform" },
                new object?[] { "102", "Renewal", "(unassigned)", "Globex", "LATAM", "enterprise", "inbound", 500.0, "lost", "Price, mostly", "Platform" },
            ], options => options.WithStrictOrdering());
        _run.Rows("select rep_id, rep_name, team, region from core.dim_rep order by rep_id").Should().BeEquivalentTo(
            [
                new object?[] { "(unassigned)", "Unassigned", "Unassigned", "Unknown" },
                new object?[] { "Ann Lee", "Ann Lee", "East", "EMEA" },
                new object?[] { "Bo Roe", "Bo Roe", "Unassigned", "APAC" },
            ], options => options.WithStrictOrdering());
    }

    [Fact]
    public void Run_BadWideColumn_RejectsTheDealRowNamingThatColumn()
    {
        Export().Run(configJson: Config);

        var rejected = _run.Rows("select line, \"column\", value, reason from meta.rejected_row order by line");
        rejected.Should().HaveCount(2);
        rejected[0].Take(3).Should().Equal(4L, "Date entered \"Qualified (New Business)\"", "soon");
        ((string)rejected[0][3]!).Should().StartWith("Date entered \"Qualified (New Business)\" \"soon\" is not a date and time.");
        rejected[1].Take(3).Should().Equal(5L, "Date entered \"Signed (Renewals)\"", "2026-01-10 08:00");
        ((string)rejected[1][3]!).Should().Contain("no stage map knows its stage for its pipeline").And.Contain("hubspot.pipelineStageMaps");
    }

    [Fact]
    public void Run_PropertyHistoryFile_TimelineKeepsEveryVisitAndSkipsOtherProperties()
    {
        // The long form in Fivetran's column shape: a regression back to appointmentscheduled is kept
        // (the wide columns could not say it); the amount row is counted and skipped.
        _run.WithFile("deals.export.csv", "Record ID,Deal Name,Pipeline,Deal Stage,Create Date,Deal owner\r\n201,Long form deal,default,closedwon,2026-01-05 09:00,Ann Lee\r\n")
            .WithFile("deal_property_history.csv",
                "deal_id,timestamp,_fivetran_synced,source,name,source_id,value\n"
                + "201,2026-01-05 09:00:00.000,2026-01-06 00:00:00.000,CRM_UI,dealstage,u1,appointmentscheduled\n"
                + "201,2026-01-05 09:00:00.000,2026-01-06 00:00:00.000,CRM_UI,amount,u1,5000\n"
                + "201,2026-01-20 10:30:00.000,2026-01-21 00:00:00.000,CRM_UI,dealstage,u1,qualifiedtobuy\n"
                + "201,2026-02-02 11:00:00.000,2026-02-03 00:00:00.000,CRM_UI,dealstage,u1,appointmentscheduled\n"
                + "201,2026-02-10 11:00:00.000,,CRM_UI,dealstage,u1,closedwon\n");

        var result = _run.Run();

        Timeline("201").Should().Equal(
            ("connect_call", "2026-01-05 09:00"), ("opportunity", "2026-01-20 10:30"), ("connect_call", "2026-02-02 11:00"), ("closed_won", "2026-02-10 11:00"));
        result.Files[1].Should().Match<Pipeline.Warehouse.Ingest.FileAccount>(f => f.Rows == 5 && f.Loaded == 4 && f.Rejected == 1 && f.Excluded == 1);
        _run.Rows("select line, \"column\", reason from meta.rejected_row").Single().Should().Equal(
            3L, "name", "name is not \"dealstage\": only stage changes make a timeline, so this row is counted here and skipped.");
    }

    [Fact]
    public void Run_FivetranPropertyHistorySeed_ParsesAndAccountsForEveryRow()
    {
        // Fivetran's seed hashes property names, so no row is a stage change: all 100 are counted and skipped.
        _run.WithFile("deals.export.csv", "Record ID,Deal Name,Pipeline,Deal Stage,Create Date,Deal owner\r\n201,A deal,default,closedwon,2026-01-05 09:00,Ann Lee\r\n")
            .WithFolder(Path.Combine(AppContext.BaseDirectory, "fixtures", "fivetran_dbt_hubspot"));

        var result = _run.Run();

        result.Files.Select(f => (f.File, f.Rows, f.Loaded, f.Rejected, f.Excluded)).Should().Equal(
            ("deals.export.csv", 1, 1, 0, 0L),
            ("deal_property_history_data.csv", 100, 0, 100, 100L));
    }
}
