using System.Diagnostics;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.BadInput;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Reports;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.Safety;

/// <summary>
/// Issue #9: a bad night never loses the warehouse. An empty or shrunken export is refused unless
/// allowed; odd entries named like an input are refused at once (never opened); a binary file is
/// not a text CSV; a symlinked warehouse is locked and replaced through its target; any path works.
/// </summary>
public sealed class BadNightTests
{
    /// <summary>A warehouse built once from 20 good deals and their history.</summary>
    private static WarehouseRun Published()
    {
        var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", Deals(GoodDeals(20)))
            .WithFile("stage_history.csv", Histories(Enumerable.Range(1, 20).Select(i => History($"D{i}")).ToArray()));
        run.Run();
        return run;
    }

    [Fact]
    public void Run_HeaderOnlyDealsAndNoHistory_IsRefusedAsEmptyAndKeepsTheWarehouse()
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        run.WithFile("deals.csv", WarehouseRun.DealsHeader);
        File.Delete(Path.Combine(run.Input, "stage_history.csv"));

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain("deals.csv is empty: it has a header but no rows").And.Contain("--allow-shrink").And.NotContain("unknown deal");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_AsOfBeforeEveryDeal_IsRefusedAsSuchAndKeepsTheWarehouse(bool allowShrink)
    {
        // Issue #10: every deal is created 2026-01-01, after T of 2025-12-31. Not "gives no deals to
        // load" (the export is whole, the date is wrong), and --allow-shrink does not let it through.
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);

        var act = () => run.Run(asOf: "2025-12-31", allowShrink: allowShrink);

        act.Should().Throw<InputException>().Which.Message.Should()
            .StartWith("no deals before 2025-12-31: the earliest deal in deals.csv was created on 2026-01-01; choose a later --as-of")
            .And.Contain("The warehouse was not changed.").And.NotContain("gives no deals");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Run_AsOfTheDayOfTheEarliestDeal_Loads()
    {
        // A deal created on the as-of date is created before T, the start of the next day. The
        // warehouse remembers a later night, so going back is a replay (METRICS.md section 9).
        using var run = Published();

        run.Run(asOf: "2026-01-01", replay: true);

        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(20);
    }

    [Fact]
    public void Run_EmptyExportWithAllowShrink_Loads()
    {
        using var run = Published();
        run.WithFile("deals.csv", WarehouseRun.DealsHeader).WithFile("stage_history.csv", WarehouseRun.HistoryHeader);

        run.Run(allowShrink: true);

        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(0);
    }

    [Fact]
    public void Run_FewerThanHalfTheDeals_IsRefusedWithBothCounts()
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        run.WithFile("deals.csv", Deals(GoodDeals(9)))
            .WithFile("stage_history.csv", Histories(Enumerable.Range(1, 9).Select(i => History($"D{i}")).ToArray()));

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain("holds 9 deals").And.Contain($"{run.Warehouse} holds 20").And.Contain("drop 55% of the deals")
            .And.Contain("shrinkLimitPercent").And.Contain("--allow-shrink");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Run_TruncatedDealsFileWithWholeHistory_IsRefusedAsAShrinkNotAsUnknownDeals()
    {
        // A truncated download of deals.csv alone: the history of the missing deals is not the
        // problem to report (it would be "too many rejected rows ... not in deals.csv").
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        run.WithFile("deals.csv", Deals(GoodDeals(9)));

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain("holds 9 deals").And.Contain($"{run.Warehouse} holds 20").And.Contain("--allow-shrink")
            .And.NotContain("not in deals.csv").And.NotContain("Too many rejected rows");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Run_HalfTheDeals_OrAConfiguredLimit_OrAllowShrink_Loads()
    {
        using var run = Published();
        run.WithFile("deals.csv", Deals(GoodDeals(10)))
            .WithFile("stage_history.csv", Histories(Enumerable.Range(1, 10).Select(i => History($"D{i}")).ToArray()));
        run.Run(); // 10 of 20: exactly half is not fewer than half
        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(10);

        run.WithFile("deals.csv", Deals(GoodDeals(2)))
            .WithFile("stage_history.csv", Histories(History("D1"), History("D2")));
        run.Run(configJson: """{"shrinkLimitPercent": 80}"""); // 2 of 10 is a drop of exactly 80%
        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(2);

        run.WithFile("deals.csv", Deals(GoodDeals(1))).WithFile("stage_history.csv", Histories(History("D1")));
        ((Action)(() => run.Run(configJson: """{"shrinkLimitPercent": 40}"""))).Should().Throw<InputException>();
        run.Run(configJson: """{"shrinkLimitPercent": 40}""", allowShrink: true);
        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(1);
    }

    public static TheoryData<string, string> OddEntries => new()
    {
        { "folder", "is a folder, not a file" },
        { "fifo", "is a named pipe (FIFO), not a file" },
        { "dangling", "is a symbolic link to /nonexistent/deals.csv, which does not exist" },
        { "loop", "is a symbolic link that leads back to itself" },
    };

    [Theory]
    [MemberData(nameof(OddEntries))]
    public async Task Run_DealsCsvNotARegularFile_IsRefusedAtOnceNamingWhatItIs(string kind, string expected)
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        var deals = Path.Combine(run.Input, "deals.csv");
        File.Delete(deals);
        switch (kind)
        {
            case "folder": Directory.CreateDirectory(deals); break;
            case "fifo": Process.Start("mkfifo", [deals]).WaitForExit(); break;
            case "dangling": File.CreateSymbolicLink(deals, "/nonexistent/deals.csv"); break;
            case "loop": File.CreateSymbolicLink(deals, "deals.csv"); break;
        }

        // A FIFO would block a reader forever: the run must end on its own, quickly.
        var running = Task.Run(() => run.Run());
        var finished = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(60)));
        finished.Should().BeSameAs(running, "the run must refuse the entry at once, not wait on it");

        running.Exception!.InnerException.Should().BeOfType<InputException>().Which.Message.Should()
            .Contain($"deals.csv in {run.Input} {expected}").And.Contain("only regular files (or symbolic links to them) are read");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Run_DealsCsvThatCannotBeRead_IsRefusedNamingItAndWhy()
    {
        // Held exclusively (an exclusive flock, as a program still writing it may hold it): the run
        // cannot open it, whoever runs the test (root ignores permissions, not this).
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        using var held = new FileStream(Path.Combine(run.Input, "deals.csv"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .StartWith("deals.csv cannot be read (").And.Contain("Check that the file is complete and readable by the user running the job.");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("canonical")]
    public void Run_InputIsAFileNotAFolder_IsRefusedAsSuchNotAsMissing(string dialect)
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        var deals = Path.Combine(run.Input, "deals.csv");
        var job = new EtlJob(new EtlOptions { Input = deals, Warehouse = run.Warehouse, AsOf = new DateOnly(2026, 11, 30), Dialect = dialect },
            WarehouseRun.NullObserver.Instance);

        var act = () => job.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Be($"--input {deals} is a file, not a folder. Pass the folder that holds the CRM exports ({run.Input}, if the export is there).");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Run_DealsCsvSymlinkToAFile_IsRead()
    {
        using var run = Published();
        var real = Path.Combine(Path.GetDirectoryName(run.Input)!, "real-deals.csv");
        File.Move(Path.Combine(run.Input, "deals.csv"), real);
        File.CreateSymbolicLink(Path.Combine(run.Input, "deals.csv"), real);

        run.Run();

        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(20);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08 }, "it is a ZIP archive (an .xlsx workbook is one)")]
    [InlineData(new byte[] { 0x64, 0x65, 0x00, 0x61, 0x6C, 0x0A, 0x31 }, "its header line holds a NUL byte at byte 3")]
    [InlineData(new byte[] { 0x64, 0x65, 0x61, 0xFF, 0x6C, 0x0A, 0x31 }, "its header line is not valid UTF-8")]
    public void Run_BinaryDealsFile_IsNotATextCsv(byte[] content, string why)
    {
        using var run = Published();
        run.WithBytes("deals.csv", content);

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .StartWith("deals.csv is not a text CSV: " + why).And.NotContain("Found headers");
    }

    [Fact]
    public void Run_WarehouseThroughASymlink_LocksTheTargetAndKeepsTheLink()
    {
        using var folder = new TempFolder();
        using var exports = Published();
        var target = folder.File("wh.duckdb");
        var link = folder.File("whlink.duckdb");
        File.CreateSymbolicLink(link, "wh.duckdb");
        EtlJob Job(string warehouse) => new(new EtlOptions { Input = exports.Input, Warehouse = warehouse, AsOf = new DateOnly(2026, 11, 30) }, WarehouseRun.NullObserver.Instance);

        Job(link).Run();
        Job(link).Run();

        new FileInfo(link).LinkTarget.Should().Be("wh.duckdb", "the link stays a link to the new file");
        File.Exists(target).Should().BeTrue();
        using (WarehouseFile.Lock(target))
            ((Action)(() => Job(link).Run())).Should().Throw<InputException>().WithMessage($"Another run is already building {target}*");
        using var connection = WarehouseConnection.Open(link, readOnly: true);
        Pipeline.Warehouse.Ingest.Sql.Scalar(connection, "select count(*) from meta.etl_run").Should().Be(2);
    }

    [Fact]
    public void Run_PathsWithSemicolonsAndQuotes_AreFileNamesNotOptions()
    {
        using var folder = new TempFolder();
        using var exports = Published();
        var odd = Path.Combine(folder.Path, "we;ird 'q\"");
        var warehouse = Path.Combine(odd, "a.duckdb;access_mode=READ_ONLY");

        new EtlJob(new EtlOptions { Input = exports.Input, Warehouse = warehouse, AsOf = new DateOnly(2026, 11, 30), Reports = Path.Combine(odd, "r;x") },
            WarehouseRun.NullObserver.Instance).Run();

        Directory.GetFiles(odd).Select(Path.GetFileName).Should().Contain("a.duckdb;access_mode=READ_ONLY");
        File.Exists(Path.Combine(odd, "r;x", "2026-11-30", "executive-health.pdf")).Should().BeTrue();
        using var connection = WarehouseConnection.Open(warehouse, readOnly: true);
        Pipeline.Warehouse.Ingest.Sql.Scalar(connection, "select count(*) from core.fact_deal").Should().Be(20);
    }

    [Theory]
    [InlineData(5.003, 5, "5.003")]
    [InlineData(5.0001, 5, "5.0001")]
    [InlineData(10, 5, "10")]
    [InlineData(5, 5, "5")]
    [InlineData(25.123, 5, "25.12")]
    public void Percent_IsShownWithTheDigitsThatTellItFromTheLimit(double value, double limit, string shown) =>
        Percent.Show(value, limit).Should().Be(shown);
}
