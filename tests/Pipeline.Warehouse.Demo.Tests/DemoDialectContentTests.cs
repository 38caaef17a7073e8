using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>
/// The same seed writes the same pipeline in every dialect: every deal, its history and the roster,
/// checked field by field against the canonical files.
/// </summary>
public sealed partial class DemoDialectContentTests(DialectDataFixture demo) : IClassFixture<DialectDataFixture>
{
    /// <summary>The countries the dialects write, back to the roster's regions.</summary>
    private static readonly Dictionary<string, string> RegionByCountry = new()
    {
        ["United States"] = "North America",
        ["Germany"] = "EMEA",
        ["Japan"] = "APAC",
        ["Brazil"] = "LATAM",
    };

    /// <summary>The canonical forecast categories as Salesforce labels them (ForecastCategoryName).</summary>
    private static readonly Dictionary<string, string> SalesforceForecastCategory = new()
    {
        ["pipeline"] = "Pipeline",
        ["best_case"] = "Best Case",
        ["commit"] = "Commit",
        ["closed"] = "Closed",
        ["omitted"] = "Omitted",
    };

    /// <summary>The canonical forecast categories as HubSpot's export labels them (hs_manual_forecast_category).</summary>
    private static readonly Dictionary<string, string> HubSpotForecastCategory = new()
    {
        ["pipeline"] = "Pipeline",
        ["best_case"] = "Best case",
        ["commit"] = "Commit",
        ["closed"] = "Closed won",
        ["omitted"] = "Not forecasted",
    };

    private static readonly Dictionary<string, string[]> PipelineLabels = new()
    {
        ["Sales Pipeline"] = StageOrders.ModernLabels,
        ["Legacy Pipeline"] = StageOrders.LegacyLabels,
    };

    [Fact]
    public void Generate_Salesforce_OpportunitiesAreTheCanonicalDealsField_ByField()
    {
        ExportTable deals = demo.Deals;
        ExportTable opportunities = demo.Opportunities;
        Dictionary<string, string[]> accounts = demo.Accounts.ByKey("Id");
        Dictionary<string, string[]> lineItems = demo.LineItems.ByKey("OpportunityId");
        Dictionary<string, string[]> products = demo.Products.ByKey("Id");

        opportunities.Rows.Select(row => row[opportunities["Id"]]).Should().Equal(deals.Rows.Select(row => row[deals["deal_id"]]));
        for (int i = 0; i < deals.Rows.Count; i++)
        {
            string[] deal = deals.Rows[i];
            string[] opportunity = opportunities.Rows[i];
            string because = deal[deals["deal_id"]];
            string[] account = accounts[opportunity[opportunities["AccountId"]]];
            string[] lineItem = lineItems[opportunity[opportunities["Id"]]];
            string stage = deal[deals["stage"]];

            opportunity[opportunities["IsDeleted"]].Should().Be("false");
            opportunity[opportunities["Name"]].Should().Be(deal[deals["deal_name"]], because);
            opportunity[opportunities["StageName"]].Should().Be(stage, because);
            opportunity[opportunities["Amount"]].Should().Be(deal[deals["amount"]], because);
            opportunity[opportunities["CurrencyIsoCode"]].Should().Be(deal[deals["currency"]], because);
            opportunity[opportunities["CloseDate"]].Should().Be(deal[deals["expected_close_date"]], because);
            SalesforceTime(opportunity[opportunities["CreatedDate"]]).Should().Be(Timestamps.Parse(deal[deals["created_at"]]), because);
            opportunity[opportunities["LeadSource"]].Should().Be(deal[deals["lead_type"]], because);
            opportunity[opportunities["OwnerId"]].Should().Be(deal[deals["rep_id"]], because);
            opportunity[opportunities["Loss_Reason__c"]].Should().Be(deal[deals["loss_reason"]], because);
            opportunity[opportunities["ForecastCategoryName"]].Should().Be(SalesforceForecastCategory[deal[deals["forecast_category"]]], because);
            opportunity[opportunities["IsClosed"]].Should().Be(stage is "Closed won" or "Closed lost" ? "true" : "false", because);
            opportunity[opportunities["IsWon"]].Should().Be(stage == "Closed won" ? "true" : "false", because);
            int probability = int.Parse(opportunity[opportunities["Probability"]], CultureInfo.InvariantCulture);
            if (stage is "Closed won" or "Closed lost")
            {
                probability.Should().Be(stage == "Closed won" ? 100 : 0, because);
            }
            else
            {
                probability.Should().BeInRange(1, 99, because);
            }

            account[demo.Accounts["Name"]].Should().Be(deal[deals["account_name"]], because);
            RegionByCountry[account[demo.Accounts["BillingCountry"]]].Should().Be(deal[deals["region"]], because);
            ExpectSameSize(account[demo.Accounts["NumberOfEmployees"]], deal[deals["company_size"]], because);

            lineItem[demo.LineItems["Quantity"]].Should().Be("1");
            lineItem[demo.LineItems["TotalPrice"]].Should().Be(deal[deals["amount"]].Length > 0 ? deal[deals["amount"]] : "0.00", because);
            string[] product = products[lineItem[demo.LineItems["Product2Id"]]];
            product[demo.Products["Name"]].Should().Be(deal[deals["product"]], because);
            product[demo.Products["Family"]].Should().Be(deal[deals["product"]], because);
        }
    }

    [Fact]
    public void Generate_Salesforce_OpportunityHistoryIsStageHistoryRowForRow()
    {
        ExportTable history = demo.History;
        ExportTable sf = demo.OpportunityHistory;

        sf.Rows.Should().HaveCount(history.Rows.Count);
        sf.Rows.Select(row => row[sf["Id"]]).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.StartsWith('H'));
        for (int i = 0; i < history.Rows.Count; i++)
        {
            string[] expected = history.Rows[i];
            string[] row = sf.Rows[i];
            string because = $"history row {i + 1} of {expected[history["deal_id"]]}";
            row[sf["OpportunityId"]].Should().Be(expected[history["deal_id"]], because);
            SalesforceTime(row[sf["CreatedDate"]]).Should().Be(Timestamps.Parse(expected[history["entered_at"]]), because);
            row[sf["StageName"]].Should().Be(expected[history["stage"]], because);
            row[sf["Amount"]].Should().Be(expected[history["amount"]], because);
            row[sf["CloseDate"]].Should().Be(expected[history["expected_close_date"]], because);
            row[sf["IsDeleted"]].Should().Be("false");
            int.Parse(row[sf["Probability"]], CultureInfo.InvariantCulture).Should().BeInRange(0, 100);
        }
    }

    [Fact]
    public void Generate_Salesforce_AccountsAreOnePerAccountRegionAndSizeAndAllReferenced()
    {
        ExportTable accounts = demo.Accounts;
        var referenced = demo.Opportunities.Rows.Select(row => row[demo.Opportunities["AccountId"]]).ToHashSet();

        accounts.Rows.Select(row => row[accounts["Id"]]).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(referenced);
        accounts.Rows.Select(row => (row[accounts["Name"]], row[accounts["BillingCountry"]], row[accounts["NumberOfEmployees"]])).Should().OnlyHaveUniqueItems();
        accounts.Rows.Should().OnlyContain(row => row[accounts["IsDeleted"]] == "false");
        demo.Products.Rows.Select(row => row[demo.Products["Name"]]).Should().BeEquivalentTo(demo.Deals.Rows.Select(row => row[demo.Deals["product"]]).Distinct());
    }

    [Fact]
    public void Generate_HubSpot_DealsAreTheCanonicalDealsField_ByField()
    {
        ExportTable deals = demo.Deals;
        ExportTable hubspot = demo.HubSpotDeals;
        Dictionary<string, string[]> companies = demo.Companies.ByKey("Record ID");
        Dictionary<string, string> ownerIdByName = demo.Owners.Rows.ToDictionary(
            row => row[demo.Owners["First Name"]] + " " + row[demo.Owners["Last Name"]],
            row => row[demo.Owners["Owner ID"]]);

        hubspot.Rows.Select(row => row[hubspot["Record ID"]]).Should().Equal(deals.Rows.Select(row => row[deals["deal_id"]]));
        for (int i = 0; i < deals.Rows.Count; i++)
        {
            string[] deal = deals.Rows[i];
            string[] row = hubspot.Rows[i];
            string because = deal[deals["deal_id"]];
            string[] company = companies[row[hubspot["Associated Company IDs"]]];

            row[hubspot["Deal Name"]].Should().Be(deal[deals["deal_name"]], because);
            row[hubspot["Deal Stage"]].Should().Be(deal[deals["stage"]], because);
            PipelineLabels[row[hubspot["Pipeline"]]].Should().Contain(deal[deals["stage"]], because);
            row[hubspot["Amount"]].Should().Be(deal[deals["amount"]], because);
            row[hubspot["Deal currency code"]].Should().Be(deal[deals["currency"]], because);
            row[hubspot["Close Date"]].Should().Be(deal[deals["expected_close_date"]], because);
            HubSpotTime(row[hubspot["Create Date"]]).Should().Be(Timestamps.Parse(deal[deals["created_at"]]), because);
            ownerIdByName[row[hubspot["Deal owner"]]].Should().Be(deal[deals["rep_id"]], because);
            row[hubspot["Deal Type"]].Should().Be("New Business");
            row[hubspot["Original Source Type"]].Should().Be(deal[deals["lead_type"]], because);
            row[hubspot["Associated Company"]].Should().Be(deal[deals["account_name"]], because);
            row[hubspot["Closed Lost Reason"]].Should().Be(deal[deals["loss_reason"]], because);
            row[hubspot["Forecast category"]].Should().Be(HubSpotForecastCategory[deal[deals["forecast_category"]]], because);
            row[hubspot["Product"]].Should().Be(deal[deals["product"]], because);

            company[demo.Companies["Company name"]].Should().Be(deal[deals["account_name"]], because);
            RegionByCountry[company[demo.Companies["Country/Region"]]].Should().Be(deal[deals["region"]], because);
            ExpectSameSize(company[demo.Companies["Number of Employees"]], deal[deals["company_size"]], because);
        }
    }

    [Fact]
    public void Generate_HubSpot_EachRepSellsInOnePipelineAndBothPipelinesAreUsed()
    {
        ExportTable hubspot = demo.HubSpotDeals;

        hubspot.Rows.GroupBy(row => row[hubspot["Deal owner"]]).Should().OnlyContain(owner => owner.Select(row => row[hubspot["Pipeline"]]).Distinct().Count() == 1);
        hubspot.Rows.Select(row => row[hubspot["Pipeline"]]).Distinct().Should().BeEquivalentTo(["Sales Pipeline", "Legacy Pipeline"]);
    }

    /// <summary>
    /// HubSpot keeps one visit per stage: "Date entered" of the last visit (re-entry overwrites it) and its
    /// "Date exited" (the next stage change), computed here from the canonical stage_history.csv.
    /// </summary>
    [Fact]
    public void Generate_HubSpot_DateEnteredAndExitedColumnsAreTheLastVisitPerStageOfTheCanonicalHistory()
    {
        ExportTable history = demo.History;
        ExportTable hubspot = demo.HubSpotDeals;
        Dictionary<string, Dictionary<string, (string Entered, string Exited)>> visits = history.Rows
            .GroupBy(row => row[history["deal_id"]])
            .ToDictionary(group => group.Key, group => LastVisits(group, history));
        Dictionary<string, int> historyRows = history.Rows.GroupBy(row => row[history["deal_id"]]).ToDictionary(group => group.Key, group => group.Count());
        var columns = hubspot.Header
            .Select((name, index) => (Match: HistoryColumn().Match(name), Index: index))
            .Where(c => c.Match.Success)
            .Select(c => (Entered: c.Match.Groups[1].Value == "entered", Label: c.Match.Groups[2].Value, Pipeline: c.Match.Groups[3].Value, c.Index))
            .ToList();
        columns.Should().HaveCount(2 * (StageOrders.ModernLabels.Length + StageOrders.LegacyLabels.Length));
        int revisited = 0;

        foreach (string[] row in hubspot.Rows)
        {
            string id = row[hubspot["Record ID"]];
            string pipeline = row[hubspot["Pipeline"]];
            Dictionary<string, (string Entered, string Exited)> deal = visits.GetValueOrDefault(id) ?? [];
            deal.Keys.Should().BeSubsetOf(PipelineLabels[pipeline], $"every stage {id} visited has its columns in {pipeline}");
            revisited += historyRows.GetValueOrDefault(id) > deal.Count ? 1 : 0;
            foreach (var column in columns)
            {
                string expected = "";
                if (column.Pipeline == pipeline && deal.TryGetValue(column.Label, out var visit))
                {
                    expected = HubSpotText(column.Entered ? visit.Entered : visit.Exited);
                }

                row[column.Index].Should().Be(expected, $"{id}: {hubspot.Header[column.Index]}");
            }
        }

        visits.Should().HaveCountGreaterThan(DialectDataFixture.DealCount * 9 / 10, "about 1% of deals have no history");
        revisited.Should().BeGreaterThan(0, "some deals come back to a stage or are double-saved, which the columns must fold");
    }

    [Fact]
    public void Generate_Salesforce_UsersAreTheCanonicalRepsRowForRow()
    {
        ExportTable reps = demo.Reps;
        ExportTable users = demo.Users;

        users.Rows.Should().HaveCount(reps.Rows.Count);
        for (int i = 0; i < reps.Rows.Count; i++)
        {
            string[] rep = reps.Rows[i];
            string[] user = users.Rows[i];
            user[users["Id"]].Should().Be(rep[reps["rep_id"]]);
            user[users["Name"]].Should().Be(rep[reps["rep_name"]]);
            user[users["Email"]].Should().Be(rep[reps["email"]]);
            user[users["ManagerId"]].Should().Be(rep[reps["manager_id"]]);
            user[users["Department"]].Should().Be(rep[reps["team"]]);
            RegionByCountry[user[users["Country"]]].Should().Be(rep[reps["region"]]);
            user[users["IsActive"]].Should().Be(rep[reps["active"]]);
            user[users["UserRoleId"]].Should().BeEmpty();
        }
    }

    [Fact]
    public void Generate_HubSpot_OwnersAreTheCanonicalRepsRowForRow()
    {
        ExportTable reps = demo.Reps;
        ExportTable owners = demo.Owners;

        owners.Rows.Should().HaveCount(reps.Rows.Count);
        for (int i = 0; i < reps.Rows.Count; i++)
        {
            string[] rep = reps.Rows[i];
            string[] owner = owners.Rows[i];
            owner[owners["Owner ID"]].Should().Be(rep[reps["rep_id"]]);
            (owner[owners["First Name"]] + " " + owner[owners["Last Name"]]).Should().Be(rep[reps["rep_name"]]);
            owner[owners["First Name"]].Should().NotContain(" ");
            owner[owners["Email"]].Should().Be(rep[reps["email"]]);
            owner[owners["Team"]].Should().Be(rep[reps["team"]]);
            RegionByCountry[owner[owners["Country/Region"]]].Should().Be(rep[reps["region"]]);
            owner[owners["Manager ID"]].Should().Be(rep[reps["manager_id"]]);
            owner[owners["Active"]].Should().Be(rep[reps["active"]]);
        }
    }

    [Fact]
    public void Generate_HubSpot_CompaniesAreOnePerAccountRegionAndSizeAndAllReferenced()
    {
        ExportTable companies = demo.Companies;
        var referenced = demo.HubSpotDeals.Rows.Select(row => row[demo.HubSpotDeals["Associated Company IDs"]]).ToHashSet();

        companies.Rows.Select(row => row[companies["Record ID"]]).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(referenced);
        companies.Rows.Select(row => (row[companies["Company name"]], row[companies["Country/Region"]], row[companies["Number of Employees"]])).Should().OnlyHaveUniqueItems();
    }

    /// <summary>The last visit to each label: consecutive rows with the same label (double saves) are one visit, which the next label ends.</summary>
    private static Dictionary<string, (string Entered, string Exited)> LastVisits(IEnumerable<string[]> rows, ExportTable history)
    {
        var visits = new Dictionary<string, (string Entered, string Exited)>();
        string? current = null;
        foreach (string[] row in rows)
        {
            string label = row[history["stage"]];
            if (label == current)
            {
                continue;
            }

            string at = row[history["entered_at"]];
            if (current is not null)
            {
                visits[current] = (visits[current].Entered, at);
            }

            visits[label] = (at, "");
            current = label;
        }

        return visits;
    }

    /// <summary>Dialect size and canonical company_size: the same class; the same count where canonical has one; both empty or neither.</summary>
    private static void ExpectSameSize(string employees, string canonical, string because)
    {
        if (canonical.Length == 0)
        {
            employees.Should().BeEmpty(because);
            return;
        }

        employees.Should().MatchRegex("^[0-9]+$", because);
        SizeClass(employees).Should().Be(SizeClass(canonical), because);
        if (char.IsAsciiDigit(canonical[0]))
        {
            employees.Should().Be(canonical, because);
        }
    }

    /// <summary>INPUTS.md: smb, mid_market, enterprise, or an employee count (&lt; 100 smb, 100-999 mid_market, &gt;= 1000 enterprise).</summary>
    private static string SizeClass(string text) => text switch
    {
        "smb" or "mid_market" or "enterprise" => text,
        _ => int.Parse(text, CultureInfo.InvariantCulture) switch
        {
            < 100 => "smb",
            < 1000 => "mid_market",
            _ => "enterprise",
        },
    };

    private static DateTime SalesforceTime(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'.000+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static DateTime HubSpotTime(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string HubSpotText(string canonical) =>
        canonical.Length == 0 ? "" : Timestamps.Parse(canonical).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex("^Date (entered|exited) \"(.+) \\((Sales Pipeline|Legacy Pipeline)\\)\"$")]
    private static partial Regex HistoryColumn();
}
