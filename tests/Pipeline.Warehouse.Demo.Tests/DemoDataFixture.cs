namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>One default demo (5,000 deals, seed 42) generated once and read back for the read-only tests.</summary>
public sealed class DemoDataFixture : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 30);

    /// <summary>The as-of instant T: the start of the day after the as-of date.</summary>
    public static readonly DateTime End = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public DemoDataFixture()
    {
        Directory = TempDirectory.Create();
        Summary = DemoGenerator.Generate(new DemoOptions(Directory, AsOf: AsOf));
        Deals = CsvTable.Read(Path.Combine(Directory, "deals.csv"));
        History = CsvTable.Read(Path.Combine(Directory, "stage_history.csv"));
        Reps = CsvTable.Read(Path.Combine(Directory, "reps.csv"));
        Quotas = CsvTable.Read(Path.Combine(Directory, "quotas.csv"));
    }

    public string Directory { get; }

    public DemoSummary Summary { get; }

    public CsvTable Deals { get; }

    public CsvTable History { get; }

    public CsvTable Reps { get; }

    public CsvTable Quotas { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
