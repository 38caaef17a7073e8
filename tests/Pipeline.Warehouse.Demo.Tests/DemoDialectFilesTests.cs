using System.Text;

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>The files of the Salesforce and HubSpot dialects: which, their headers and encoding, and their determinism.</summary>
public sealed class DemoDialectFilesTests(DialectDataFixture demo) : IClassFixture<DialectDataFixture>, IDisposable
{
    private static readonly string[] CanonicalFiles = ["deals.csv", "stage_history.csv", "reps.csv", "quotas.csv"];

    private static readonly string[] SalesforceFiles =
        ["Opportunity.csv", "OpportunityHistory.csv", "OpportunityLineItem.csv", "Account.csv", "Product2.csv", "User.csv", "quotas.csv"];

    private static readonly string[] HubSpotFiles =
        ["hubspot-crm-exports-all-deals.csv", "hubspot-crm-exports-all-companies.csv", "hubspot-owners.csv", "quotas.csv"];

    private readonly TempDirectories folders = new();

    public static TheoryData<DemoDialect> Dialects => new() { DemoDialect.Canonical, DemoDialect.Salesforce, DemoDialect.HubSpot };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Generate_SameOptionsTwiceInADialect_WritesIdenticalBytes(DemoDialect dialect)
    {
        string first = folders.New();
        string second = folders.New();

        DemoGenerator.Generate(new DemoOptions(first, Deals: 2000, Seed: 7, AsOf: DemoDataFixture.AsOf) { Dialect = dialect });
        DemoGenerator.Generate(new DemoOptions(second, Deals: 2000, Seed: 7, AsOf: DemoDataFixture.AsOf) { Dialect = dialect });

        string[] files = Files(dialect);
        Directory.GetFiles(first).Select(Path.GetFileName).Should().BeEquivalentTo(files);
        foreach (string file in files)
        {
            TempDirectories.Hash(first, file).Should().Be(TempDirectories.Hash(second, file), $"{dialect} {file} must not depend on anything but the options");
        }
    }

    [Fact]
    public void Generate_DialectNotGiven_IsCanonicalAndWritesTheSameBytesAsCanonical()
    {
        string implicitly = folders.New();
        string explicitly = folders.New();

        DemoGenerator.Generate(new DemoOptions(implicitly, Deals: 500, Seed: 3, AsOf: DemoDataFixture.AsOf));
        DemoGenerator.Generate(new DemoOptions(explicitly, Deals: 500, Seed: 3, AsOf: DemoDataFixture.AsOf) { Dialect = DemoDialect.Canonical });

        new DemoOptions(implicitly).Dialect.Should().Be(DemoDialect.Canonical);
        foreach (string file in CanonicalFiles)
        {
            TempDirectories.Hash(implicitly, file).Should().Be(TempDirectories.Hash(explicitly, file));
        }
    }

    [Fact]
    public void Generate_EveryDialect_WritesTheCanonicalQuotasFile()
    {
        string canonical = TempDirectories.Hash(demo.Canonical, "quotas.csv");

        TempDirectories.Hash(demo.Salesforce, "quotas.csv").Should().Be(canonical);
        TempDirectories.Hash(demo.HubSpot, "quotas.csv").Should().Be(canonical);
    }

    [Fact]
    public void Generate_EveryDialect_ReportsTheSameSummary()
    {
        demo.SalesforceSummary.Should().BeEquivalentTo(demo.CanonicalSummary, options => options.Excluding(s => s.Elapsed));
        demo.HubSpotSummary.Should().BeEquivalentTo(demo.CanonicalSummary, options => options.Excluding(s => s.Elapsed));
        demo.OpportunityHistory.Rows.Should().HaveCount((int)demo.SalesforceSummary.HistoryRows);
    }

    [Theory]
    [InlineData("Opportunity.csv", "Id,IsDeleted,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,CreatedDate,LeadSource,OwnerId,Loss_Reason__c,IsClosed,IsWon,Probability,ForecastCategoryName")]
    [InlineData("OpportunityHistory.csv", "Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,IsDeleted")]
    [InlineData("User.csv", "Id,Name,Email,ManagerId,Department,Country,IsActive,UserRoleId")]
    [InlineData("Account.csv", "Id,IsDeleted,Name,BillingCountry,NumberOfEmployees,Industry")]
    [InlineData("Product2.csv", "Id,Name,Family,IsActive")]
    [InlineData("OpportunityLineItem.csv", "Id,OpportunityId,Product2Id,Quantity,TotalPrice,IsDeleted")]
    [InlineData("quotas.csv", "rep_id,period_start,period_end,quota")]
    public void Generate_SalesforceFile_StartsWithExactHeaderAsUtf8WithoutBomAndLfOnly(string file, string header)
    {
        FirstLine(demo.Salesforce, file).Should().Be(header);
    }

    [Theory]
    [InlineData("hubspot-crm-exports-all-companies.csv", "Record ID,Company name,Country/Region,Number of Employees,Industry")]
    [InlineData("hubspot-owners.csv", "Owner ID,First Name,Last Name,Email,Team,Country/Region,Manager ID,Active")]
    [InlineData("quotas.csv", "rep_id,period_start,period_end,quota")]
    public void Generate_HubSpotFile_StartsWithExactHeaderAsUtf8WithoutBomAndLfOnly(string file, string header)
    {
        FirstLine(demo.HubSpot, file).Should().Be(header);
    }

    [Fact]
    public void Generate_HubSpotDeals_HeaderHasDealColumnsThenEnteredAndExitedPerStageAndPipeline()
    {
        var expected = new List<string>
        {
            "Record ID", "Deal Name", "Pipeline", "Deal Stage", "Amount", "Deal currency code", "Close Date", "Create Date",
            "Deal owner", "Deal Type", "Original Source Type", "Associated Company IDs", "Associated Company", "Closed Lost Reason", "Product",
            "Forecast category",
        };
        foreach ((string pipeline, string[] labels) in new[] { ("Sales Pipeline", StageOrders.ModernLabels), ("Legacy Pipeline", StageOrders.LegacyLabels) })
        {
            foreach (string label in labels)
            {
                expected.Add($"Date entered \"{label} ({pipeline})\"");
                expected.Add($"Date exited \"{label} ({pipeline})\"");
            }
        }

        string line = FirstLine(demo.HubSpot, "hubspot-crm-exports-all-deals.csv");

        demo.HubSpotDeals.Header.Should().Equal(expected);
        line.Should().Contain(",\"Date entered \"\"Identify lead (Sales Pipeline)\"\"\",", "a header with quotes is quoted, its quotes doubled");
        demo.HubSpotDeals.Rows.Should().OnlyContain(row => row.Length == expected.Count);
    }

    [Fact]
    public void Generate_EveryDialectFile_HasAsManyFieldsInEveryRowAsItsHeader()
    {
        foreach (string file in SalesforceFiles)
        {
            ExportTable table = ExportTable.Read(Path.Combine(demo.Salesforce, file));
            table.Rows.Should().NotBeEmpty().And.OnlyContain(row => row.Length == table.Header.Length, file);
        }

        foreach (string file in HubSpotFiles)
        {
            ExportTable table = ExportTable.Read(Path.Combine(demo.HubSpot, file));
            table.Rows.Should().NotBeEmpty().And.OnlyContain(row => row.Length == table.Header.Length, file);
        }
    }

    [Theory]
    [InlineData(DemoDialect.Salesforce, "User.csv", "Opportunity.csv")]
    [InlineData(DemoDialect.HubSpot, "hubspot-owners.csv", "hubspot-crm-exports-all-deals.csv")]
    public void Generate_ScaledRosterInADialect_WritesEveryRepAndDeal(DemoDialect dialect, string repsFile, string dealsFile)
    {
        string directory = folders.New();

        DemoSummary summary = DemoGenerator.Generate(new DemoOptions(directory, Deals: 1000, Seed: 5, AsOf: DemoDataFixture.AsOf, Reps: 120) { Dialect = dialect });

        ExportTable.Read(Path.Combine(directory, repsFile)).Rows.Should().HaveCount(summary.Reps).And.HaveCount(1 + 15 + 120);
        ExportTable.Read(Path.Combine(directory, dealsFile)).Rows.Should().HaveCount(1000);
    }

    [Fact]
    public void Generate_UndefinedDialect_ThrowsNamingTheOption()
    {
        var options = new DemoOptions(folders.New(), Deals: 10, AsOf: DemoDataFixture.AsOf) { Dialect = (DemoDialect)7 };

        Action generate = () => DemoGenerator.Generate(options);

        generate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Dialect*canonical, salesforce, hubspot*");
    }

    [Theory]
    [InlineData("canonical", DemoDialect.Canonical)]
    [InlineData("salesforce", DemoDialect.Salesforce)]
    [InlineData("HubSpot", DemoDialect.HubSpot)]
    [InlineData(" hubspot ", DemoDialect.HubSpot)]
    public void TryParse_DialectName_GivesTheDialect(string name, DemoDialect expected)
    {
        DemoDialects.TryParse(name, out DemoDialect dialect).Should().BeTrue();
        dialect.Should().Be(expected);
        DemoDialects.Names.Should().Equal("canonical", "salesforce", "hubspot");
    }

    [Theory]
    [InlineData("")]
    [InlineData("sap")]
    [InlineData("1")]
    [InlineData(null)]
    public void TryParse_OtherText_IsNotADialect(string? name)
    {
        DemoDialects.TryParse(name, out _).Should().BeFalse();
    }

    public void Dispose() => folders.Dispose();

    private static string[] Files(DemoDialect dialect) => dialect switch
    {
        DemoDialect.Salesforce => SalesforceFiles,
        DemoDialect.HubSpot => HubSpotFiles,
        _ => CanonicalFiles,
    };

    private static string FirstLine(string directory, string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(directory, file));
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "files are UTF-8 without a BOM");
        bytes.Should().NotContain((byte)'\r', "lines end in LF only");
        bytes[^1].Should().Be((byte)'\n');
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).Split('\n')[0];
    }
}
