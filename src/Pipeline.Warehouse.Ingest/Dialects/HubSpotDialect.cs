using Pipeline.Warehouse.Ingest.Canonical;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Dialects;

/// <summary>
/// HubSpot exports (README "HubSpot"): the deals export of the HubSpot UI, with the stage history
/// as wide <c>Date entered "&lt;Stage&gt; (&lt;Pipeline&gt;)"</c> columns, or beside it the long
/// property-history form (deal_id, name, timestamp, value) that connectors and the API give; an
/// owners export for the reps and a companies export for region and company size. The canonical
/// quotas.csv may sit beside them.
/// </summary>
public static class HubSpotDialect
{
    public const string Name = "hubspot";

    public static Dialect Create(HubSpotOptions options)
    {
        InputFileSpec[] files =
        [
            new("hubspot-crm-exports-all-deals.csv", "hs_deals", Required: true,
            [
                new("Record ID", true, "deal_id", "record_id") { Aliases = ["Deal ID", "hs_object_id"] },
                new("Deal Name", false, "deal_name", "deal_name") { Aliases = ["dealname"] },
                new("Pipeline", false, null, "pipeline") { Aliases = ["pipeline"] },
                new("Deal Stage", true, "stage", "deal_stage") { Aliases = ["dealstage"] },
                new("Amount", false, "amount", "amount"),
                new("Deal currency code", false, "currency", "currency") { Aliases = ["Currency", "deal_currency_code"] },
                new("Close Date", false, "expected_close_date", "close_date") { Aliases = ["closedate"] },
                new("Create Date", true, "created_at", "create_date") { Aliases = ["createdate"] },
                new("Deal owner", false, "rep_id", "deal_owner") { Aliases = ["hubspot_owner_id", "Owner"] },
                new(options.LeadTypeField.Trim(), false, "lead_type", "lead_source"),
                new("Associated Company IDs", false, null, "company_ids") { Aliases = ["Associated Company ID", "Associated Company IDs (Primary)"] },
                new("Associated Company", false, "account_name", "company_name") { Aliases = ["Associated Company (Primary)"] },
                new("Closed Lost Reason", false, "loss_reason", "loss_reason") { Aliases = ["closed_lost_reason"] },
                new(options.ProductField.Trim(), false, "product", "product"),
                new("Forecast category", false, "forecast_category", "forecast_category") { Aliases = ["hs_manual_forecast_category"] },
                new("Is Deleted", false, "deleted", "is_deleted") { Aliases = ["is_deleted"] },
            ])
            {
                Feeds = "deals",
                Signature = ["Record ID", "Deal Stage"],
            },
            new("deal_property_history.csv", "hs_property_history", Required: false,
            [
                new("deal_id", true, "deal_id", "deal_id") { Aliases = ["dealId"] },
                new("name", true, "deleted", "property") { Aliases = ["property", "propertyName"] },
                new("timestamp", true, "entered_at", "changed_at") { Aliases = ["timestamp_utc"] },
                new("value", true, "stage", "value"),
            ])
            {
                Feeds = "stage_history",
                Signature = ["deal_id", "name", "timestamp", "value"],
            },
            new("hubspot-owners.csv", "hs_owners", Required: false,
            [
                new("Owner ID", false, "rep_id", "owner_id") { Aliases = ["User ID", "owner_id"] },
                new("First Name", true, "rep_name", "first_name") { Aliases = ["first_name"] },
                new("Last Name", true, null, "last_name") { Aliases = ["last_name"] },
                new("Email", false, "email", "email"),
                new("Team", false, "team", "team") { Aliases = ["Teams", "Primary team"] },
                new("Country/Region", false, "region", "country") { Aliases = ["Country"] },
                new("Manager ID", false, "manager_id", "manager_id"),
                new("Active", false, "active", "active"),
            ])
            {
                Feeds = "reps",
                Signature = ["First Name", "Last Name", "Email"],
            },
            new("hubspot-crm-exports-all-companies.csv", "hs_companies", Required: false,
            [
                new("Record ID", true, null, "record_id") { Aliases = ["Company ID"] },
                new("Company name", false, null, "name") { Aliases = ["Name"] },
                new("Country/Region", false, null, "country") { Aliases = ["Country"] },
                new("Number of Employees", false, null, "employees") { Aliases = ["numberofemployees"] },
            ])
            {
                Feeds = null,
                Key = "record_id",
                Signature = ["Record ID", "Company name"],
            },
            .. CanonicalDialect.Files.Where(f => f.Table == "quotas"),
        ];
        return new Dialect(Name, files)
        {
            TimestampFormats = ["%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M", "%m/%d/%Y"],
            LeadTypeDefaults = DefaultMaps.HubSpotSources,
            Needs = "a deals export (a file with the columns Record ID, Deal Stage, Create Date)",
            Recognises = found => found.Any(f => InputFolder.HasColumns(f.Headers, ["Record ID", "Deal Stage"])),
        };
    }
}
