namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>One pipeline (2,000 deals, seed 17) generated once in each dialect and read back with CsvHelper.</summary>
public sealed class DialectDataFixture : IDisposable
{
    public const int DealCount = 2000;
    public const int Seed = 17;

    private readonly TempDirectories folders = new();

    public DialectDataFixture()
    {
        Canonical = folders.New();
        Salesforce = folders.New();
        HubSpot = folders.New();
        CanonicalSummary = DemoGenerator.Generate(Options(Canonical, DemoDialect.Canonical));
        SalesforceSummary = DemoGenerator.Generate(Options(Salesforce, DemoDialect.Salesforce));
        HubSpotSummary = DemoGenerator.Generate(Options(HubSpot, DemoDialect.HubSpot));

        Deals = Read(Canonical, "deals.csv");
        History = Read(Canonical, "stage_history.csv");
        Reps = Read(Canonical, "reps.csv");

        Opportunities = Read(Salesforce, "Opportunity.csv");
        OpportunityHistory = Read(Salesforce, "OpportunityHistory.csv");
        LineItems = Read(Salesforce, "OpportunityLineItem.csv");
        Accounts = Read(Salesforce, "Account.csv");
        Products = Read(Salesforce, "Product2.csv");
        Users = Read(Salesforce, "User.csv");

        HubSpotDeals = Read(HubSpot, "hubspot-crm-exports-all-deals.csv");
        Companies = Read(HubSpot, "hubspot-crm-exports-all-companies.csv");
        Owners = Read(HubSpot, "hubspot-owners.csv");
    }

    public string Canonical { get; }

    public string Salesforce { get; }

    public string HubSpot { get; }

    public DemoSummary CanonicalSummary { get; }

    public DemoSummary SalesforceSummary { get; }

    public DemoSummary HubSpotSummary { get; }

    public ExportTable Deals { get; }

    public ExportTable History { get; }

    public ExportTable Reps { get; }

    public ExportTable Opportunities { get; }

    public ExportTable OpportunityHistory { get; }

    public ExportTable LineItems { get; }

    public ExportTable Accounts { get; }

    public ExportTable Products { get; }

    public ExportTable Users { get; }

    public ExportTable HubSpotDeals { get; }

    public ExportTable Companies { get; }

    public ExportTable Owners { get; }

    public static DemoOptions Options(string directory, DemoDialect dialect) =>
        new(directory, Deals: DealCount, Seed: Seed, AsOf: DemoDataFixture.AsOf) { Dialect = dialect };

    public void Dispose() => folders.Dispose();

    private static ExportTable Read(string directory, string file) => ExportTable.Read(Path.Combine(directory, file));
}
