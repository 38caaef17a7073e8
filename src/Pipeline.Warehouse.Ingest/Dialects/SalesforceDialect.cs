using Pipeline.Warehouse.Ingest.Canonical;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Dialects;

/// <summary>
/// Salesforce exports with the API field names, as Data Loader, Workbench or the REST API write
/// them (README "Salesforce"): Opportunity, OpportunityHistory and User feed the deals, the stage
/// history and the reps; Account, OpportunityLineItem, Product2 and UserRole are look-ups for the
/// region, company size, product and team. The canonical quotas.csv may sit beside them.
/// </summary>
public static class SalesforceDialect
{
    public const string Name = "salesforce";

    /// <summary>The files, with the configured product and loss-reason fields among Opportunity's columns.</summary>
    public static Dialect Create(SalesforceOptions options)
    {
        List<ColumnSpec> opportunity =
        [
            new("Id", true, "deal_id", "id"),
            new("IsDeleted", false, "deleted", "is_deleted"),
            new("Name", false, "deal_name", "name"),
            new("AccountId", false, null, "account_id"),
            new("OwnerId", false, "rep_id", "owner_id"),
            new("StageName", true, "stage", "stage_name"),
            new("Amount", false, "amount", "amount"),
            new("CurrencyIsoCode", false, "currency", "currency"),
            new("CreatedDate", true, "created_at", "created_date"),
            new("CloseDate", false, "expected_close_date", "close_date"),
            new("LeadSource", false, "lead_type", "lead_source"),
            new(options.LossReasonField.Trim(), false, "loss_reason", "loss_reason"),
            // The forecast category's label (Best Case), else its API value (BestCase): exports may carry both.
            new("ForecastCategoryName", false, "forecast_category", "forecast_category_name") { Aliases = ["forecast_category_name"] },
            new("ForecastCategory", false, null, "forecast_category") { Aliases = ["forecast_category"] },
        ];
        if (options.ProductField is { } product)
            opportunity.Add(new(product.Trim(), true, "product", "product_field"));
        InputFileSpec[] files =
        [
            new("Opportunity.csv", "sf_opportunity", Required: true, opportunity)
            {
                Feeds = "deals",
                Signature = ["Id", "Name", "StageName"],
            },
            new("OpportunityHistory.csv", "sf_opportunity_history", Required: false,
            [
                new("OpportunityId", true, "deal_id", "opportunity_id"),
                new("StageName", true, "stage", "stage_name"),
                new("CreatedDate", true, "entered_at", "created_date"),
                new("Amount", false, "amount", "amount"),
                new("CloseDate", false, "expected_close_date", "close_date"),
                new("IsDeleted", false, "deleted", "is_deleted"),
            ])
            {
                Feeds = "stage_history",
                Signature = ["OpportunityId", "StageName", "CreatedDate"],
            },
            new("User.csv", "sf_user", Required: false,
            [
                new("Id", true, "rep_id", "id"),
                new("Name", true, "rep_name", "name"),
                new("Email", false, "email", "email"),
                new("ManagerId", false, "manager_id", "manager_id"),
                new("Department", false, options.TeamFromRole ? null : "team", "department"),
                new("UserRoleId", false, options.TeamFromRole ? "team" : null, "user_role_id"),
                new("Country", false, "region", "country"),
                new("IsActive", false, "active", "is_active"),
            ])
            {
                Feeds = "reps",
                Signature = ["Id", "Name", "Email", "IsActive"],
            },
            new("Account.csv", "sf_account", Required: false,
            [
                new("Id", true, null, "id"),
                new("Name", false, null, "name"),
                new("BillingCountry", false, null, "billing_country"),
                new("NumberOfEmployees", false, null, "number_of_employees"),
            ])
            {
                Feeds = null,
                Key = "id",
                Signature = ["Id", "Name", "BillingCountry", "NumberOfEmployees"],
            },
            new("OpportunityLineItem.csv", "sf_line_item", Required: false,
            [
                new("OpportunityId", true, null, "opportunity_id"),
                new("Product2Id", true, null, "product2_id"),
                new("TotalPrice", false, null, "total_price"),
                new("IsDeleted", false, null, "is_deleted"),
            ])
            {
                Feeds = null,
                Signature = ["OpportunityId", "Product2Id", "TotalPrice"],
            },
            new("Product2.csv", "sf_product", Required: false,
            [
                new("Id", true, null, "id"),
                new("Name", false, null, "name"),
                new("Family", false, null, "family"),
            ])
            {
                Feeds = null,
                Key = "id",
                Signature = ["Id", "Name", "Family", "ProductCode"],
            },
            new("UserRole.csv", "sf_user_role", Required: false,
            [
                new("Id", true, null, "id"),
                new("Name", true, null, "name"),
            ])
            {
                Feeds = null,
                Key = "id",
                Signature = ["Id", "Name", "ParentRoleId"],
            },
            .. CanonicalDialect.Files.Where(f => f.Table == "quotas"),
        ];
        return new Dialect(Name, files)
        {
            // Report exports: "02/23/26 08:55 PM" and "02/23/26"; four-digit years too.
            TimestampFormats = ["%m/%d/%y %I:%M %p", "%m/%d/%Y %I:%M %p", "%m/%d/%y %H:%M", "%m/%d/%Y %H:%M", "%m/%d/%y", "%m/%d/%Y"],
            LeadTypeDefaults = DefaultMaps.SalesforceLeadSources,
            Translation = Path.Combine("dialects", "salesforce.sql"),
            Needs = "an Opportunity export (Opportunity.csv, or a file with the columns Id, Name, StageName, CreatedDate)",
            Recognises = files => files.Any(f =>
                string.Equals(Path.GetFileName(f.File), "Opportunity.csv", StringComparison.OrdinalIgnoreCase)
                || InputFolder.HasColumns(f.Headers, ["Id", "Name", "StageName", "CreatedDate"])),
        };
    }
}
