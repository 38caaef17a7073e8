using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// The CRM's forecast category, optional in every dialect, reaches core.fact_deal normalized
/// (pipeline, best_case, commit, closed, omitted) beside the value as exported. An empty value is
/// NULL; a value none of those is kept as exported, with a NULL category, and listed and counted
/// as a data-quality finding (marts.data_contradictions, marts.data_quality); the deal still loads.
/// </summary>
public sealed class ForecastCategoryTests : IDisposable
{
    // Canonical: one deal per case. D1-D3 three spellings of known categories, D4 empty, D5 "Upside"
    // (no category of ours), D6 surrounding spaces (trimmed like any field).
    private const string CanonicalDeals =
        "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason,forecast_category\n"
        + "D1,One,R1,Acme,EMEA,Platform,smb,inbound,1000,,2026-01-05,2026-03-31,closed_won,,Closed\n"
        + "D2,Two,R1,Acme,EMEA,Platform,smb,inbound,1000,,2026-01-05,2026-12-15,negotiation,,Best Case\n"
        + "D3,Three,R2,Acme,EMEA,Platform,smb,inbound,1000,,2026-01-05,2026-12-15,negotiation,,BEST_CASE\n"
        + "D4,Four,R2,Acme,EMEA,Platform,smb,inbound,1000,,2026-01-05,2026-12-15,lead,,\n"
        + "D5,Five,R2,Acme,EMEA,Platform,smb,inbound,1000,,2026-01-05,2026-12-15,lead,,Upside\n"
        + "D6,Six,R3,Acme,APAC,Platform,smb,inbound,1000,,2026-01-05,2026-12-15,negotiation,,\"  commit \"\n";

    private readonly WarehouseRun _run = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _run.Dispose();
        _folder.Dispose();
    }

    private List<(string DealId, string? Category, string? Label)> Categories() =>
        _run.Rows("select deal_id, forecast_category, forecast_category_label from core.fact_deal order by deal_id")
            .Select(row => ((string)row[0]!, (string?)row[1], (string?)row[2])).ToList();

    [Fact]
    public void Canonical_ForecastCategoryColumn_NormalizedBesideTheExportedValue()
    {
        _run.WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", CanonicalDeals).Run();

        Categories().Should().Equal(
            ("D1", "closed", "Closed"),
            ("D2", "best_case", "Best Case"),
            ("D3", "best_case", "BEST_CASE"),
            ("D4", null, null),
            ("D5", null, "Upside"),
            ("D6", "commit", "commit"));
    }

    [Fact]
    public void Canonical_UnknownCategory_DealKeptAndListedAsAFinding()
    {
        var result = _run.WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", CanonicalDeals).Run();

        // All six rows load: the category is optional and never costs a deal.
        result.Files.Where(f => f.File == "deals.csv").Select(f => (f.Rows, f.Loaded, f.Rejected)).Should().Equal([(6, 6, 0)]);
        _run.Rows("select deal_id, rep_id, exported_value from marts.data_contradictions where kind = 'unknown_forecast_category'")
            .Select(row => ((string)row[0]!, (string)row[1]!, (string)row[2]!))
            .Should().Equal([("D5", "R2", "Upside")]);
        _run.Scalar<long>("select unknown_forecast_categories from marts.data_quality").Should().Be(1);
        _run.Scalar<bool>("select has_forecast_category from marts.report_context").Should().BeTrue();
    }

    [Fact]
    public void Canonical_WithoutTheColumn_NullEverywhereAndNoForecastCategory()
    {
        var deals = WarehouseRun.DealsHeader
            + "D1,One,R1,Acme,EMEA,Platform,smb,inbound,1000,,2026-01-05,2026-03-31,closed_won,\n"
            + "D2,Two,R2,Acme,EMEA,Platform,smb,inbound,1000,,2026-01-05,2026-12-15,negotiation,\n";

        _run.WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", deals).Run();

        Categories().Should().Equal(("D1", null, null), ("D2", null, null));
        _run.Scalar<bool>("select has_forecast_category from marts.report_context").Should().BeFalse();
        _run.Scalar<long>("select unknown_forecast_categories from marts.data_quality").Should().Be(0);
    }

    [Fact]
    public void Salesforce_ForecastCategoryNameBeforeTheApiValue_BothRead()
    {
        // An export with both fields: the label wins; where it is empty, or renamed by the org (Upside
        // for Best Case), the API value (Forecast is Salesforce's API name of Commit); MostLikely is
        // no category of ours, so it is a finding.
        var opportunities =
            "Id,Name,StageName,CreatedDate,CloseDate,OwnerId,ForecastCategoryName,ForecastCategory\r\n"
            + "006A,A,Closed Won,2026-01-05T09:00:00.000+0000,2026-03-31,005A,Closed,Closed\r\n"
            + "006B,B,Negotiation/Review,2026-01-05T09:00:00.000+0000,2026-12-15,005A,Best Case,BestCase\r\n"
            + "006C,C,Negotiation/Review,2026-01-05T09:00:00.000+0000,2026-12-15,005A,,Forecast\r\n"
            + "006D,D,Closed Lost,2026-01-05T09:00:00.000+0000,2026-03-31,005A,Omitted,Omitted\r\n"
            + "006E,E,Prospecting,2026-01-05T09:00:00.000+0000,2026-12-15,005A,,\r\n"
            + "006F,F,Prospecting,2026-01-05T09:00:00.000+0000,2026-12-15,005A,Most Likely,MostLikely\r\n"
            + "006G,G,Negotiation/Review,2026-01-05T09:00:00.000+0000,2026-12-15,005A,Upside,BestCase\r\n";

        var result = _run.WithFile("Opportunity.csv", opportunities).Run();

        result.Dialect.Should().Be("salesforce");
        Categories().Should().Equal(
            ("006A", "closed", "Closed"),
            ("006B", "best_case", "Best Case"),
            ("006C", "commit", "Forecast"),
            ("006D", "omitted", "Omitted"),
            ("006E", null, null),
            ("006F", null, "Most Likely"),
            ("006G", "best_case", "BestCase"));
        _run.Scalar<long>("select unknown_forecast_categories from marts.data_quality").Should().Be(1);
    }

    [Fact]
    public void Salesforce_FivetranColumnName_Read()
    {
        // Fivetran's snake_case name of the API value, as in its dbt_salesforce seeds.
        var opportunities =
            "Id,Name,StageName,CreatedDate,forecast_category\r\n"
            + "006A,A,Prospecting,2026-01-05T09:00:00.000+0000,Pipeline\r\n"
            + "006B,B,Negotiation/Review,2026-01-05T09:00:00.000+0000,BestCase\r\n";

        _run.WithFile("Opportunity.csv", opportunities).Run();

        Categories().Should().Equal(("006A", "pipeline", "Pipeline"), ("006B", "best_case", "BestCase"));
    }

    [Fact]
    public void HubSpot_ExportLabels_Normalized()
    {
        // HubSpot's UI export writes the property's labels: Not forecasted (OMIT), Pipeline,
        // Best case, Commit, Closed won (CLOSED).
        var deals =
            "Record ID,Deal Name,Deal Stage,Create Date,Close Date,Forecast category\r\n"
            + "101,A,closedwon,2026-01-05 09:00,2026-03-31,Closed won\r\n"
            + "102,B,contractsent,2026-01-05 09:00,2026-12-15,Commit\r\n"
            + "103,C,presentationscheduled,2026-01-05 09:00,2026-12-15,Best case\r\n"
            + "104,D,closedlost,2026-01-05 09:00,2026-03-31,Not forecasted\r\n"
            + "105,E,appointmentscheduled,2026-01-05 09:00,2026-12-15,\r\n";

        var result = _run.WithFile("hubspot-crm-exports-all-deals.csv", deals).Run();

        result.Dialect.Should().Be("hubspot");
        Categories().Should().Equal(
            ("101", "closed", "Closed won"),
            ("102", "commit", "Commit"),
            ("103", "best_case", "Best case"),
            ("104", "omitted", "Not forecasted"),
            ("105", null, null));
    }

    [Fact]
    public void HubSpot_InternalPropertyNameAndValues_Normalized()
    {
        // The API / connector form: the internal property name and values.
        var deals =
            "Record ID,Deal Stage,Create Date,hs_manual_forecast_category\r\n"
            + "101,appointmentscheduled,2026-01-05 09:00,PIPELINE\r\n"
            + "102,contractsent,2026-01-05 09:00,BEST_CASE\r\n"
            + "103,closedlost,2026-01-05 09:00,OMIT\r\n"
            + "104,closedwon,2026-01-05 09:00,CLOSED\r\n"
            + "105,contractsent,2026-01-05 09:00,Gut feeling\r\n";

        var result = _run.WithFile("hubspot-deals-export.csv", deals).Run();

        result.Files.Single().Loaded.Should().Be(5, "an unknown category never costs a deal");
        Categories().Should().Equal(
            ("101", "pipeline", "PIPELINE"),
            ("102", "best_case", "BEST_CASE"),
            ("103", "omitted", "OMIT"),
            ("104", "closed", "CLOSED"),
            ("105", null, "Gut feeling"));
        _run.Scalar<string>("select exported_value from marts.data_contradictions where kind = 'unknown_forecast_category'").Should().Be("Gut feeling");
    }

    [Fact]
    public void Mapping_ForecastCategoryMapped_Normalized()
    {
        var mapping = _folder.File("mapping.json");
        File.WriteAllText(mapping, """
            {
              "files": {
                "deals": {
                  "file": "opportunities.csv",
                  "columns": { "deal_id": "Key", "stage": "Phase", "created_at": "Opened", "forecast_category": "Forecast" }
                }
              }
            }
            """);
        var opportunities = "Key,Phase,Opened,Forecast\nK1,negotiation,2026-01-05,Commit\nK2,lead,2026-01-05,pipeline\nK3,lead,2026-01-05,\n";

        _run.WithFile("opportunities.csv", opportunities).Run(mapping: mapping);

        Categories().Should().Equal(("K1", "commit", "Commit"), ("K2", "pipeline", "pipeline"), ("K3", null, null));
        _run.Scalar<bool>("select has_forecast_category from marts.report_context").Should().BeTrue();
    }

    [Fact]
    public void Mapping_ForecastCategoryNotMapped_Null()
    {
        var mapping = _folder.File("mapping.json");
        File.WriteAllText(mapping, """
            { "files": { "deals": { "file": "opportunities.csv", "columns": { "deal_id": "Key", "stage": "Phase", "created_at": "Opened" } } } }
            """);

        _run.WithFile("opportunities.csv", "Key,Phase,Opened,Forecast\nK1,negotiation,2026-01-05,Commit\n").Run(mapping: mapping);

        Categories().Should().Equal([("K1", null, null)]);
        _run.Scalar<bool>("select has_forecast_category from marts.report_context").Should().BeFalse();
    }
}
