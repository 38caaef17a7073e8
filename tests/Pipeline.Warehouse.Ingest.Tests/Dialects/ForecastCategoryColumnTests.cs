using Pipeline.Warehouse.Ingest.Canonical;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;
using Pipeline.Warehouse.Ingest.Dialects;

namespace Pipeline.Warehouse.Ingest.Tests.Dialects;

/// <summary>The optional forecast category column of each dialect: its headers, and that it is never required.</summary>
public sealed class ForecastCategoryColumnTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IEnumerable<ColumnSpec> FeedingForecastCategory(InputFileSpec spec) =>
        spec.Columns.Where(c => c.Feeds == "forecast_category" || c.RawName is "forecast_category" or "forecast_category_name");

    [Fact]
    public void Canonical_Deals_HaveAnOptionalForecastCategoryColumn() =>
        CanonicalDialect.Files.Single(f => f.Table == "deals").Columns.Should().ContainSingle(c => c.Name == "forecast_category" && !c.Required);

    [Theory]
    [InlineData("ForecastCategoryName", "forecast_category_name")]
    [InlineData("forecast_category_name", "forecast_category_name")]
    [InlineData("ForecastCategory", "forecast_category")]
    [InlineData("forecast_category", "forecast_category")]
    public void Salesforce_Opportunity_ReadsTheCategoryUnderItsApiAndFivetranNames(string header, string raw)
    {
        var opportunity = SalesforceDialect.Create(new SalesforceOptions()).Files.Single(f => f.Table == "sf_opportunity");

        var column = opportunity.Columns.Single(c => c.Matches(header));

        column.RawName.Should().Be(raw);
        column.Required.Should().BeFalse();
    }

    [Theory]
    [InlineData("Forecast category")]
    [InlineData("Forecast Category")]
    [InlineData("hs_manual_forecast_category")]
    public void HubSpot_Deals_ReadTheCategoryUnderItsLabelAndInternalName(string header)
    {
        var deals = HubSpotDialect.Create(new HubSpotOptions()).Files.Single(f => f.Table == "hs_deals");

        var column = deals.Columns.Single(c => c.Matches(header));

        column.FeedsColumn.Should().Be("forecast_category");
        column.Required.Should().BeFalse();
    }

    [Fact]
    public void Salesforce_ExportWithLabelAndApiValue_BothColumnsFoundNoDuplicateHeader()
    {
        // A SOQL export (and Fivetran's Opportunity table) may hold both fields: two columns, not one twice.
        _folder.Write("Opportunity.csv", "Id,Name,StageName,CreatedDate,ForecastCategoryName,ForecastCategory\n006A,A,Prospecting,2026-01-05,Pipeline,Pipeline\n");

        var file = InputFolder.Open(_folder.Path, SalesforceDialect.Create(new SalesforceOptions()).Files).Single();

        file.Columns.Should().Equal("Id", "Name", "StageName", "CreatedDate", "ForecastCategoryName", "ForecastCategory");
    }

    [Fact]
    public void EveryDialect_WithoutTheColumn_FilesStillOpen()
    {
        _folder.Write("deals.csv", "deal_id,rep_id,region,product,created_at,stage\n");
        _folder.Write("reps.csv", "rep_id,rep_name,team,region\n");

        var files = InputFolder.Open(_folder.Path, CanonicalDialect.Files);

        files.Single(f => f.Spec.Table == "deals").Has("forecast_category").Should().BeFalse();
        FeedingForecastCategory(CanonicalDialect.Files.Single(f => f.Table == "deals")).Should().OnlyContain(c => !c.Required);
    }
}
