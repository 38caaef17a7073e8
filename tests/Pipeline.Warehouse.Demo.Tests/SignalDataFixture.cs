namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>A 20,000-deal demo (enough exits for stable rates) with every deal's timeline, built once for the signal tests.</summary>
public sealed class SignalDataFixture : IDisposable
{
    public SignalDataFixture()
    {
        Directory = TempDirectory.Create();
        DemoGenerator.Generate(new DemoOptions(Directory, Deals: 20_000, AsOf: DemoDataFixture.AsOf));
        Deals = CsvTable.Read(Path.Combine(Directory, "deals.csv"));
        Reps = CsvTable.Read(Path.Combine(Directory, "reps.csv"));
        Timelines = CsvTable.Read(Path.Combine(Directory, "stage_history.csv")).Rows
            .GroupBy(row => row[0])
            .ToDictionary(group => group.Key, group => StageExits.Timeline(group));
    }

    public string Directory { get; }

    public CsvTable Deals { get; }

    public CsvTable Reps { get; }

    internal Dictionary<string, List<(int Order, DateTime At)>> Timelines { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
