using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>--dialect auto: which dialect a folder's headers show, and what the user is told when none does.</summary>
public sealed class DetectionTests : IDisposable
{
    private readonly WarehouseRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Run_UnrecognisedExports_SaysWhatItSawAndWhatEachDialectNeeds()
    {
        _run.WithFile("pipedrive-deals.csv", "Deal - ID,Deal - Title,Deal - Stage\n1,A,Won\n");

        var act = () => _run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain("Could not recognise the exports").And.Contain("pipedrive-deals.csv (Deal - ID, Deal - Title, Deal - Stage)")
            .And.Contain("canonical needs deals.csv").And.Contain("salesforce needs an Opportunity export").And.Contain("hubspot needs a deals export")
            .And.Contain("--mapping");
        File.Exists(_run.Warehouse).Should().BeFalse();
    }

    [Fact]
    public void Run_TwoCrmsInOneFolder_AsksToKeepOne()
    {
        _run.WithFile("deals.csv", WarehouseRun.DealsHeader).WithFile("Opportunity.csv", "Id,Name,StageName,CreatedDate\n");

        var act = () => _run.Run();

        act.Should().Throw<InputException>().WithMessage("*look like more than one dialect (canonical and salesforce)*Keep one CRM's files in the folder, or name the dialect with --dialect*");
    }

    [Fact]
    public void Run_DataLoaderFileNames_RecognisedByTheirHeaders()
    {
        // Data Loader names every export extract.csv; renamed ones are found by their columns.
        _run.WithFile("extract (3).csv", "Id,IsDeleted,Name,StageName,CreatedDate,OwnerId\n006A,false,Deal,Prospecting,2026-01-05T09:00:00.000+0000,005A\n")
            .WithFile("users-export.csv", "Id,Name,Email,IsActive,Department\n005A,Ann,ann@example.com,true,East\n");

        var result = _run.Run();

        result.Dialect.Should().Be("salesforce");
        result.Files.Select(f => f.File).Should().Equal("extract (3).csv", "users-export.csv");
        result.Deals.Should().Be(1);
    }

    [Fact]
    public void Run_UnknownDialectName_ListsTheKnownOnes()
    {
        _run.WithFile("deals.csv", WarehouseRun.DealsHeader);

        var act = () => _run.Run(dialect: "zoho");

        act.Should().Throw<InputException>().WithMessage("Dialect \"zoho\" is not one the loader reads.*canonical, salesforce, hubspot*");
    }
}
