using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.EndToEnd;

/// <summary>
/// Issue #10, through the CLI: a report's as-of comes from the warehouse. <c>reports --as-of D</c>
/// renders only the warehouse's own date; another date is refused (exit 2, nothing written) with
/// how to build a warehouse as of D, and a date before every deal says so. <c>run --as-of D</c>
/// before every deal of the export is refused before any mart, the warehouse unchanged.
/// </summary>
public sealed class AsOfCliTests(AsOfCliTests.Built built) : IClassFixture<AsOfCliTests.Built>
{
    /// <summary>Demo exports as of 2026-11-30 and a warehouse built from them as of that date (load 1).</summary>
    public sealed class Built : IDisposable
    {
        private readonly TempFolder _folder = new();

        public Built()
        {
            var generate = CliProcess.Run("generate", "--out", Input, "--deals", "400", "--seed", "3", "--as-of", "2026-11-30");
            generate.ExitCode.Should().Be(0, generate.Stderr);
            var run = CliProcess.Run("run", "--input", Input, "--warehouse", Warehouse, "--as-of", "2026-11-30");
            run.ExitCode.Should().Be(0, run.Stderr);
        }

        public string Input => _folder.File("exports");

        public string Warehouse => _folder.File("w.duckdb");

        public string File(string name) => _folder.File(name);

        public void Dispose() => _folder.Dispose();
    }

    [Fact]
    public void Reports_AsOfMonthsBeforeTheWarehouses_IsRefusedNamingBothDatesAndWritesNothing()
    {
        var before = WarehouseCompare.Sha256(built.Warehouse);
        var output = built.File("out-june");

        var result = CliProcess.Run("reports", "--warehouse", built.Warehouse, "--out", output, "--as-of", "2026-06-30");

        result.ExitCode.Should().Be(2, result.Stdout);
        result.Stderr.Should().StartWith($"error: the warehouse {built.Warehouse} is built as of 2026-11-30 (load 1): its figures are as of 2026-11-30")
            .And.Contain("reports as of 2026-06-30").And.Contain("Nothing was written.")
            .And.Contain($"./run-etl.sh run --input {built.Input} --as-of 2026-06-30 --warehouse <other file> --reports <dir>");
        result.Stdout.Should().BeEmpty();
        Directory.Exists(output).Should().BeFalse("nothing is written, not even the folder");
        WarehouseCompare.Sha256(built.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Reports_AsOfBeforeAnyDeal_SaysNoDealsBeforeAndWritesNothing()
    {
        var output = built.File("out-2000");

        var result = CliProcess.Run("reports", "--warehouse", built.Warehouse, "--out", output, "--as-of", "2000-01-31");

        result.ExitCode.Should().Be(2, result.Stdout);
        result.Stderr.Should().StartWith($"error: no deals before 2000-01-31: the earliest deal in the warehouse {built.Warehouse} was created on ");
        Directory.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void Reports_AsOfTheWarehousesOwn_Writes()
    {
        var output = built.File("out-same");

        var result = CliProcess.Run("reports", "--warehouse", built.Warehouse, "--out", output, "--as-of", "2026-11-30");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("PDF reports as of 2026-11-30 from load 1 of");
        System.IO.File.Exists(Path.Combine(output, "2026-11-30", "executive-health.pdf")).Should().BeTrue();
        Directory.GetFiles(Path.Combine(output, "2026-11-30", "reps"), "*.xlsx").Should().NotBeEmpty();
    }

    [Fact]
    public void Run_AsOfBeforeAnyDeal_ExitsWith2AndKeepsTheWarehouse()
    {
        var before = WarehouseCompare.Sha256(built.Warehouse);

        var result = CliProcess.Run("run", "--input", built.Input, "--warehouse", built.Warehouse, "--as-of", "2000-01-31");

        result.ExitCode.Should().Be(2, result.Stdout);
        result.Stderr.Should().StartWith("error: no deals before 2000-01-31: the earliest deal in deals.csv was created on ")
            .And.Contain("choose a later --as-of").And.Contain("The warehouse was not changed.");
        WarehouseCompare.Sha256(built.Warehouse).Should().Be(before);
        System.IO.File.Exists(built.Warehouse + ".building").Should().BeFalse();
    }

    [Fact]
    public void Run_AsOfBeforeAnyDeal_FirstRun_CreatesNoWarehouse()
    {
        var warehouse = built.File("first.duckdb");

        var result = CliProcess.Run("run", "--input", built.Input, "--warehouse", warehouse, "--as-of", "2000-01-31", "--reports", built.File("first-reports"));

        result.ExitCode.Should().Be(2, result.Stdout);
        result.Stderr.Should().Contain("no deals before 2000-01-31");
        System.IO.File.Exists(warehouse).Should().BeFalse();
        Directory.Exists(built.File("first-reports")).Should().BeFalse();
    }
}
