namespace Pipeline.Warehouse.Demo.Tests.Nights;

public sealed class NightsDeterminismTests : IDisposable
{
    private readonly TempDirectories folders = new();

    [Fact]
    public void Generate_SameOptionsTwice_WritesIdenticalBytesInEveryFile()
    {
        string first = folders.New();
        string second = folders.New();

        NightsGenerator.Generate(new DemoOptions(first, Deals: 800, Seed: 7, AsOf: NightsDataFixture.AsOf), 5);
        NightsGenerator.Generate(new DemoOptions(second, Deals: 800, Seed: 7, AsOf: NightsDataFixture.AsOf), 5);

        // 5 nights of 5 files (4 on the history-less night), the re-delivered copy of 5, the record of 4.
        Files(first).Should().Equal(Files(second)).And.HaveCount((5 * 5) - 1 + 5 + 4);
        foreach (string file in Files(first))
        {
            TempDirectories.Hash(first, file).Should().Be(TempDirectories.Hash(second, file), file);
        }
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentNights()
    {
        string first = folders.New();
        string second = folders.New();

        NightsGenerator.Generate(new DemoOptions(first, Deals: 800, Seed: 1, AsOf: NightsDataFixture.AsOf), 3);
        NightsGenerator.Generate(new DemoOptions(second, Deals: 800, Seed: 2, AsOf: NightsDataFixture.AsOf), 3);

        TempDirectories.Hash(first, Path.Combine("2026-11-30", "deals.csv")).Should().NotBe(TempDirectories.Hash(second, Path.Combine("2026-11-30", "deals.csv")));
        TempDirectories.Hash(first, Path.Combine("truth", "pipeline_snapshot.csv")).Should().NotBe(TempDirectories.Hash(second, Path.Combine("truth", "pipeline_snapshot.csv")));
    }

    [Fact]
    public void Generate_AgainIntoTheSameFolder_WritesTheSameBytes()
    {
        string directory = folders.New();
        NightsGenerator.Generate(new DemoOptions(directory, Deals: 300, Seed: 5, AsOf: NightsDataFixture.AsOf), 4);
        Dictionary<string, string> before = Files(directory).ToDictionary(file => file, file => TempDirectories.Hash(directory, file));

        NightsGenerator.Generate(new DemoOptions(directory, Deals: 300, Seed: 5, AsOf: NightsDataFixture.AsOf), 4);

        Files(directory).ToDictionary(file => file, file => TempDirectories.Hash(directory, file)).Should().Equal(before);
    }

    public void Dispose() => folders.Dispose();

    /// <summary>Every file under the folder, as paths relative to it, in ordinal order.</summary>
    private static string[] Files(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(directory, file)).Order(StringComparer.Ordinal)];
}
