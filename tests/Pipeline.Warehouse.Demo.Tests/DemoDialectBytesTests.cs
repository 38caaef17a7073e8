namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>
/// The CRM dialects' files byte for byte as they were before the simulated nights shared the
/// generator's code (the canonical demo is pinned in DemoGeneratorRepsTests). If the generator
/// changes on purpose, update these hashes with the change.
/// </summary>
public sealed class DemoDialectBytesTests : IDisposable
{
    private readonly TempDirectories folders = new();

    [Fact]
    public void Generate_DefaultSalesforce_WritesTheSameBytesAsBeforeTheNights()
    {
        string directory = folders.New();

        DemoGenerator.Generate(new DemoOptions(directory, AsOf: DemoDataFixture.AsOf) { Dialect = DemoDialect.Salesforce });

        TempDirectories.Hash(directory, "Opportunity.csv").Should().Be("27E63163049685F4020C067F967EB850664B459B98B844426B3D14E72A935635");
        TempDirectories.Hash(directory, "OpportunityHistory.csv").Should().Be("FDD3A7FEBF6615CFE51C58164CD75EF0CBC8ED460946F0B198A212D35F92534F");
        TempDirectories.Hash(directory, "OpportunityLineItem.csv").Should().Be("95BB5E37DF25E040DAF4F7860155CDB5DF2C6DCABA11992C45FC88E0A028CB10");
        TempDirectories.Hash(directory, "Account.csv").Should().Be("9B030510BA2D32951A2E4943889AC43A633B9D1392063BBC2D82C1169472080B");
    }

    [Fact]
    public void Generate_HubSpotWithScaledRoster_WritesTheSameBytesAsBeforeTheNights()
    {
        string directory = folders.New();

        DemoGenerator.Generate(new DemoOptions(directory, Seed: 9, AsOf: DemoDataFixture.AsOf, Reps: 40) { Dialect = DemoDialect.HubSpot });

        TempDirectories.Hash(directory, "hubspot-crm-exports-all-deals.csv").Should().Be("7B32F175D5622C5FB91532970B65B33422478A4F02E5E4BFD20D40D665069FCA");
        TempDirectories.Hash(directory, "hubspot-crm-exports-all-companies.csv").Should().Be("4730D17E1D415A1D211C40BBC0C3C52AEB638AD611A51F8263DC13E64A290C7A");
        TempDirectories.Hash(directory, "hubspot-owners.csv").Should().Be("20A604CF1D98E209B6F5E78B18F99DC7675F4D04C1F08326BC74A982387AD3EE");
    }

    public void Dispose() => folders.Dispose();
}
