namespace Pipeline.Warehouse.Demo.Tests;

public sealed class DemoGeneratorDeterminismTests : IDisposable
{
    private static readonly string[] Files = ["deals.csv", "stage_history.csv", "reps.csv", "quotas.csv"];
    private readonly TempDirectories folders = new();

    [Fact]
    public void Generate_SameOptionsTwice_WritesIdenticalBytes()
    {
        string first = NewDirectory();
        string second = NewDirectory();

        DemoGenerator.Generate(new DemoOptions(first, Deals: 2000, Seed: 7, AsOf: DemoDataFixture.AsOf));
        DemoGenerator.Generate(new DemoOptions(second, Deals: 2000, Seed: 7, AsOf: DemoDataFixture.AsOf));

        foreach (string file in Files)
        {
            Hash(first, file).Should().Be(Hash(second, file), $"{file} must not depend on anything but the options");
        }
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentDealsAndHistory()
    {
        string first = NewDirectory();
        string second = NewDirectory();

        DemoGenerator.Generate(new DemoOptions(first, Deals: 2000, Seed: 1, AsOf: DemoDataFixture.AsOf));
        DemoGenerator.Generate(new DemoOptions(second, Deals: 2000, Seed: 2, AsOf: DemoDataFixture.AsOf));

        Hash(first, "deals.csv").Should().NotBe(Hash(second, "deals.csv"));
        Hash(first, "stage_history.csv").Should().NotBe(Hash(second, "stage_history.csv"));
    }

    [Fact]
    public void Generate_OutputDirectoryMissing_CreatesItWithExactlyFourFiles()
    {
        string directory = Path.Combine(NewDirectory(), "nested", "demo");

        DemoGenerator.Generate(new DemoOptions(directory, Deals: 10, AsOf: DemoDataFixture.AsOf));

        Directory.GetFiles(directory).Select(Path.GetFileName).Should().BeEquivalentTo(Files);
    }

    [Fact]
    public void Generate_AsOfNotGiven_ThrowsNamingTheOption()
    {
        var options = new DemoOptions(NewDirectory(), Deals: 10);

        Action generate = () => DemoGenerator.Generate(options);

        generate.Should().Throw<ArgumentException>().WithMessage("*AsOf*");
    }

    [Fact]
    public void Generate_WithProgress_ReportsEveryTenThousandAndTheTotal()
    {
        var reports = new RecordingProgress();

        DemoSummary summary = DemoGenerator.Generate(new DemoOptions(NewDirectory(), Deals: 25_000, AsOf: DemoDataFixture.AsOf), reports);

        reports.Values.Should().Equal(10_000, 20_000, 25_000);
        summary.Deals.Should().Be(25_000);
    }

    public void Dispose() => folders.Dispose();

    private static string Hash(string directory, string file) => TempDirectories.Hash(directory, file);

    private string NewDirectory() => folders.New();
}
