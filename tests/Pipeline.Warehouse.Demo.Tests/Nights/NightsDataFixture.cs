using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Demo.Tests.Nights;

/// <summary>Thirty nights of the default demo (5,000 deals, seed 42) ending 2026-11-30, generated once for the nights' test classes and read back.</summary>
public sealed partial class NightsDataFixture : IDisposable
{
    public const string Collection = "Thirty nights of the demo";

    public const int NightCount = 30;
    public static readonly DateOnly AsOf = new(2026, 11, 30);

    public NightsDataFixture()
    {
        Directory = TempDirectory.Create();
        Summary = NightsGenerator.Generate(new DemoOptions(Directory, AsOf: AsOf), NightCount);
        Nights = [.. System.IO.Directory.GetDirectories(Directory)
            .Where(folder => NightName().IsMatch(Path.GetFileName(folder)))
            .Order(StringComparer.Ordinal)
            .Select(folder => new NightFolder(folder))];
        string truth = Path.Combine(Directory, "truth");
        Snapshot = CsvTable.Read(Path.Combine(truth, "pipeline_snapshot.csv"));
        NightsRecord = CsvTable.Read(Path.Combine(truth, "nights.csv"));
        Deletions = CsvTable.Read(Path.Combine(truth, "deleted_deals.csv"));
        TeamChanges = CsvTable.Read(Path.Combine(truth, "team_changes.csv"));
    }

    public string Directory { get; }

    public NightsSummary Summary { get; }

    /// <summary>The night folders (yyyy-MM-dd), oldest first.</summary>
    public IReadOnlyList<NightFolder> Nights { get; }

    public CsvTable Snapshot { get; }

    public CsvTable NightsRecord { get; }

    public CsvTable Deletions { get; }

    public CsvTable TeamChanges { get; }

    /// <summary>The nights.csv row of a night.</summary>
    public string[] RecordOf(NightFolder night) => NightsRecord.Rows.Single(row => row[0] == Path.GetFileName(night.Directory));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex NightName();
}
