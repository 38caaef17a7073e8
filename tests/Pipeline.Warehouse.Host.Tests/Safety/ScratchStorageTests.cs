using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Safety;

/// <summary>
/// An export larger than the memory limit keeps its intermediates in a scratch
/// database file (EtlOptions.ScratchAboveBytes forces it here): the warehouse is the same as with
/// temp tables, and the scratch file goes with the run.
/// </summary>
public sealed class ScratchStorageTests : IDisposable
{
    private readonly WarehouseRun inMemory = new();
    private readonly WarehouseRun scratch = new();

    public ScratchStorageTests()
    {
        DemoGenerator.Generate(new DemoOptions(inMemory.Input, Deals: 300, Seed: 21, AsOf: new DateOnly(2026, 11, 30)));
        // A record with too many fields: rejected rows must be accounted for the same way.
        File.AppendAllText(Path.Combine(inMemory.Input, "deals.csv"), "D-BAD,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o\n");
        scratch.WithFolder(inMemory.Input);
    }

    public void Dispose()
    {
        inMemory.Dispose();
        scratch.Dispose();
    }

    [Fact]
    public void Run_ExportAboveTheScratchSize_SameWarehouseAsInMemory_ScratchRemoved()
    {
        var file = Path.Combine(scratch.Warehouse + ".building.tmp", "intermediates.duckdb");
        var inMemorySeen = new ScratchSeen(Path.Combine(inMemory.Warehouse + ".building.tmp", "intermediates.duckdb"));
        var scratchSeen = new ScratchSeen(file);
        inMemory.Run("2026-11-30", observer: inMemorySeen);
        scratch.Run("2026-11-30", observer: scratchSeen, scratchAboveBytes: 0);

        inMemorySeen.SlowPathFiles.Should().Contain("deals.csv");
        inMemorySeen.Seen.Should().BeFalse();
        scratchSeen.Seen.Should().BeTrue("the scratch file is there while the marts are built");

        WarehouseCompare.Differences(inMemory.Warehouse, scratch.Warehouse).Should().BeEmpty();
        scratch.Scalar<long>("select count(*) from meta.rejected_row where file = 'deals.csv'").Should().BeGreaterThan(0);
        scratch.Rows("select database_name, table_name from duckdb_tables() where table_name like 'int\\_%' escape '\\' or table_name like 'raw\\_%' escape '\\'")
            .Should().BeEmpty();
        Directory.Exists(scratch.Warehouse + ".building.tmp").Should().BeFalse();
    }
}

/// <summary>Notes whether the scratch file exists when the marts start, and which files took the slow path.</summary>
internal sealed class ScratchSeen(string file) : IRunObserver
{
    public bool Seen { get; private set; }

    public List<string> SlowPathFiles { get; } = [];

    public void PhaseStarted(string phase)
    {
        if (phase == "build marts")
            Seen = File.Exists(file);
    }

    public void PhaseFinished(string phase, TimeSpan elapsed)
    {
    }

    public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed)
    {
        if (slowPath)
            SlowPathFiles.Add(file);
    }

    public void ModelBuilt(Pipeline.Warehouse.Models.ModelResult model)
    {
    }
}
