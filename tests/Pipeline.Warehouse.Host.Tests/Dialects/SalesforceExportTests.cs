using System.Text;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// A hand-made Salesforce export, byte for byte as Data Loader and report exports write them: a
/// BOM and CRLF, quoted commas, quotes and a line break, ISO dates with .000+0000 beside report-style
/// 01/10/26 02:30 PM, deleted records, look-ups for region, size, product and team. Every expected
/// figure is worked out by hand in the comments.
/// </summary>
public sealed class SalesforceExportTests : IDisposable
{
    private const string Lenient = """{"rejectThresholdPercent": 50}""";

    // Line 1 header; 006A starts on line 2 and its Description runs onto line 3; 006B line 4, 006C 5, 006D 6, 006E 7.
    private const string Opportunities =
        "Id,IsDeleted,AccountId,Name,Description,StageName,Amount,CurrencyIsoCode,CloseDate,CreatedDate,LeadSource,OwnerId,Loss_Reason__c\r\n"
        + "006A,false,001A,\"Acme, Inc. - \"\"Platform\"\"\",\"Line one\r\nline two\",Closed Won,\"12,500.00\",USD,2026-03-31,2026-01-05T09:00:00.000+0000,Web,005A,\r\n"
        + "006B,false,001B,Globex Renewal,,Negotiation/Review,8000,,04/30/26,01/10/26 02:30 PM,Trade Show,005B,\r\n"
        + "006C,true,001A,Deleted deal,,Prospecting,100,,,2026-01-11T00:00:00.000+0000,Web,005A,\r\n"
        + "006D,false,001B,Bad stage,,Signed,100,,,2026-01-12T00:00:00.000+0000,Web,005A,\r\n"
        + "006E,false,,Orphan owner,,Prospecting,100,,,2026-01-12T00:00:00.000+0000,Web,005Z,\r\n";

    private const string History =
        "Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,IsDeleted\r\n"
        + "017A1,006A,2026-01-05T09:00:00.000+0000,Prospecting,10000,2026-03-31,10,false\r\n"
        + "017A2,006A,2026-01-20T10:00:00.000+0000,Needs Analysis,10000,2026-03-31,20,false\r\n"
        // Same stage, new amount: one save in Salesforce, the same timeline entry here.
        + "017A3,006A,2026-01-25T10:00:00.000+0000,Needs Analysis,12500,2026-03-31,20,false\r\n"
        + "017A4,006A,2026-02-10T16:45:00.000+0000,Closed Won,12500,2026-03-31,100,false\r\n"
        + "017B1,006B,01/10/26 02:30 PM,Prospecting,8000,04/30/26,10,false\r\n"
        + "017B2,006B,02/01/26 11:05 AM,Negotiation/Review,8000,04/30/26,90,false\r\n"
        + "017B3,006B,02/02/26 09:00 AM,Negotiation/Review,8000,04/30/26,90,true\r\n"
        + "017C1,006C,2026-01-11T00:00:00.000+0000,Prospecting,100,,10,false\r\n";

    private const string Users =
        "Id,Name,Email,ManagerId,Department,Country,IsActive,UserRoleId\r\n"
        + "005M,Mia Manager,mia@example.com,,Enterprise East,United States,true,\r\n"
        + "005A,Ann Seller,ann@example.com,005M,Enterprise East,USA,true,\r\n"
        + "005B,Bo Seller,bo@example.com,005M,,DE,false,\r\n";

    private const string Accounts =
        "Id,Name,BillingCountry,NumberOfEmployees\r\n"
        + "001A,\"Acme, Inc.\",United States,250\r\n"
        + "001B,Globex,Germany,5000\r\n"
        + "001B,Globex GmbH,Germany,5000\r\n";

    private const string LineItems =
        "Id,OpportunityId,Product2Id,Quantity,TotalPrice,IsDeleted\r\n"
        + "00kA1,006A,01tP,1,2500,false\r\n"
        + "00kA2,006A,01tQ,1,10000,false\r\n"
        + "00kB1,006B,01tP,1,8000,true\r\n";

    private const string Products =
        "Id,Name,Family,ProductCode,IsActive\r\n"
        + "01tP,Platform Basic,Platform,PB,true\r\n"
        + "01tQ,Analytics Pro,,AP,true\r\n";

    private readonly WarehouseRun _run = new();

    public void Dispose() => _run.Dispose();

    private WarehouseRun Export(string opportunities = Opportunities) => _run
        .WithBytes("Opportunity.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(opportunities)])
        .WithFile("OpportunityHistory.csv", History)
        .WithFile("User.csv", Users)
        .WithFile("Account.csv", Accounts)
        .WithFile("OpportunityLineItem.csv", LineItems)
        .WithFile("Product2.csv", Products);

    private List<(string Stage, string EnteredAt)> Timeline(string dealId) =>
        _run.Rows("select stage, strftime(entered_at, '%Y-%m-%d %H:%M') from core.fact_stage_transition where deal_id = $id order by entered_at", ("id", dealId))
            .Select(row => ((string)row[0]!, (string)row[1]!)).ToList();

    [Fact]
    public void Run_Export_EveryRowOfEveryFileAccountedFor()
    {
        var result = Export().Run(configJson: Lenient);

        result.Dialect.Should().Be("salesforce");
        result.Files.Select(f => (f.File, f.Rows, f.Loaded, f.Rejected, f.Duplicates, f.Excluded)).Should().Equal(
            ("Opportunity.csv", 5, 2, 3, 0, 1),
            ("OpportunityHistory.csv", 8, 6, 2, 0, 2),
            ("User.csv", 3, 3, 0, 0, 0),
            ("Account.csv", 3, 2, 1, 0, 0),
            ("OpportunityLineItem.csv", 3, 3, 0, 0, 0),
            ("Product2.csv", 2, 2, 0, 0, 0));
        _run.Rows("select file, rows, loaded, rejected, duplicates from meta.load_file order by file").Should().OnlyContain(
            row => (long)row[2]! + (long)row[3]! + (long)row[4]! == (long)row[1]!);
    }

    [Fact]
    public void Run_Export_TimelinesFromHistoryCollapseSameStageSaves()
    {
        Export().Run(configJson: Lenient);

        // 017A3 only changed the amount: still discovery call, one entry from 017A2.
        Timeline("006A").Should().Equal(("lead", "2026-01-05 09:00"), ("discovery_call", "2026-01-20 10:00"), ("closed_won", "2026-02-10 16:45"));
        // Report-style dates; 017B3 is deleted, so the deal is in negotiation since 02/01/26 11:05 AM.
        Timeline("006B").Should().Equal(("lead", "2026-01-10 14:30"), ("negotiation", "2026-02-01 11:05"));
    }

    [Fact]
    public void Run_Export_DealsTakeRegionSizeProductAndAmountFromTheLookups()
    {
        Export().Run(configJson: Lenient);

        var deals = _run.Rows("""
            select deal_id, deal_name, account_name, rep_id, region, company_size, product, lead_type, cast(amount as double),
                   strftime(created_at, '%Y-%m-%d %H:%M'), cast(expected_close_date as varchar), status
            from core.fact_deal order by deal_id
            """);
        deals.Should().HaveCount(2);
        // 006A: account Acme (United States, 250 employees); largest line item 01tQ, which has no family: its name.
        deals[0].Should().Equal("006A", "Acme, Inc. - \"Platform\"", "Acme, Inc.", "005A", "North America", "mid_market", "Analytics Pro",
            "inbound", 12500.0, "2026-01-05 09:00", "2026-03-31", "won");
        // 006B: Globex (the first of its two rows: Germany, 5000); its only line item is deleted, so no product.
        deals[1].Should().Equal("006B", "Globex Renewal", "Globex", "005B", "EMEA", "enterprise", "Unknown",
            "event", 8000.0, "2026-01-10 14:30", "2026-04-30", "open");
    }

    [Fact]
    public void Run_Export_RepsFromUsersWithTeamFromDepartmentAndRegionFromCountry()
    {
        Export().Run(configJson: Lenient);

        _run.Rows("select rep_id, rep_name, manager_id, team, region, is_active from core.dim_rep order by rep_id").Should().BeEquivalentTo(
            [
                new object?[] { "005A", "Ann Seller", "005M", "Enterprise East", "North America", true },
                new object?[] { "005B", "Bo Seller", "005M", "Unassigned", "EMEA", false },
                new object?[] { "005M", "Mia Manager", null, "Enterprise East", "North America", true },
            ], options => options.WithStrictOrdering());
    }

    [Fact]
    public void Run_Export_RejectedRowsNameTheUsersFileLineAndColumn()
    {
        Export().Run(configJson: Lenient);

        var rejected = _run.Rows("select file, line, \"column\", value, reason from meta.rejected_row order by file, line");
        rejected.Select(r => (r[0], r[1], r[2], r[3])).Should().Equal(
            ("Account.csv", 4L, "Id", "001B"),
            ("Opportunity.csv", 5L, "IsDeleted", ""),
            ("Opportunity.csv", 6L, "StageName", "Signed"),
            ("Opportunity.csv", 7L, "OwnerId", "005Z"),
            ("OpportunityHistory.csv", 8L, "IsDeleted", ""),
            ("OpportunityHistory.csv", 9L, "IsDeleted", ""));
        var reasons = rejected.Select(r => (string)r[4]!).ToList();
        reasons[0].Should().Be("Id \"001B\" repeats the Id of line 3 with other values; that first row is the one used. Keep one row per Id, or make the rows identical.");
        reasons[1].Should().Be("IsDeleted is true: the record is deleted in the CRM, so it is excluded (counted here, not loaded).");
        reasons[2].Should().StartWith("StageName \"Signed\" is a stage label the stage map does not know.");
        reasons[3].Should().Be("OwnerId \"005Z\" names a rep who is not a loaded row of User.csv. Add the rep to User.csv (or fix that rep's row there), or correct the id.");
        reasons[5].Should().Be("IsDeleted is true for its opportunity: the deal is deleted in the CRM, so its history is excluded with it (counted here, not loaded).");
    }

    [Fact]
    public void Run_ManyDeletedRecords_AreNotHeldAgainstTheRejectThreshold()
    {
        var opportunities = new StringBuilder("Id,IsDeleted,AccountId,Name,StageName,CreatedDate,OwnerId\r\n");
        for (var i = 0; i < 10; i++)
            opportunities.Append($"006{i},{(i % 2 == 0 ? "true" : "false")},,Deal {i},Prospecting,2026-01-0{i % 9 + 1}T00:00:00.000+0000,005A\r\n");
        _run.WithFile("Opportunity.csv", opportunities.ToString()).WithFile("User.csv", Users);

        var result = _run.Run();

        result.Files[0].Should().Match<FileAccount>(f => f.Loaded == 5 && f.Rejected == 5 && f.Excluded == 5 && f.RejectedPercent == 0);
    }

    [Fact]
    public void Run_TooManyBadRows_StillFailsWithTheDefaultThreshold()
    {
        var act = () => Export().Run();

        act.Should().Throw<InputException>().WithMessage("*Opportunity.csv: 2 of 5 rows rejected (40%)*line 6: StageName \"Signed\"*");
        File.Exists(_run.Warehouse).Should().BeFalse();
    }

    [Fact]
    public void Run_MalformedAndRepeatedOpportunities_RejectedAsInEveryDialect()
    {
        // Line 3: an unquoted comma gives 8 fields for 7 columns; its history row (line 3 there) names that
        // rejection. Line 4 repeats 006A with another stage. Line 5 is an exact copy of line 2: a duplicate.
        const string header = "Id,IsDeleted,Name,StageName,CreatedDate,OwnerId,Amount\r\n";
        const string first = "006A,false,Deal A,Prospecting,2026-01-05T09:00:00.000+0000,005A,100\r\n";
        _run.WithFile("Opportunity.csv", header + first
                + "006B,false,Acme, Inc,Prospecting,2026-01-06T09:00:00.000+0000,005A,100\r\n"
                + "006A,false,Deal A,Qualification,2026-01-05T09:00:00.000+0000,005A,100\r\n"
                + first)
            .WithFile("OpportunityHistory.csv", "OpportunityId,CreatedDate,StageName\r\n006A,2026-01-05T09:00:00.000+0000,Prospecting\r\n006B,2026-01-06T09:00:00.000+0000,Prospecting\r\n")
            .WithFile("User.csv", Users);

        var result = _run.Run(configJson: """{"rejectThresholdPercent": 60}""");

        result.Files[0].Should().Match<FileAccount>(f => f.Rows == 4 && f.Loaded == 1 && f.Rejected == 2 && f.Duplicates == 1);
        var rejected = _run.Rows("select file, line, \"column\", reason from meta.rejected_row order by file, line");
        rejected.Select(r => (r[0], r[1], r[2])).Should().Equal(
            ("Opportunity.csv", 3L, null), ("Opportunity.csv", 4L, "Id"), ("OpportunityHistory.csv", 3L, "OpportunityId"));
        ((string)rejected[0][3]!).Should().StartWith("The record has 8 fields but the header has 7.");
        ((string)rejected[1][3]!).Should().Be("Id \"006A\" repeats the id of an earlier deal row with different values; the first row for it is on line 2. Keep one row per deal, or make the rows identical.");
        ((string)rejected[2][3]!).Should().StartWith("OpportunityId \"006B\" names a deal that was rejected (Opportunity.csv line 3: The record has 8 fields");
    }
}
