using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.EndToEnd;

/// <summary>The CLI as a user runs it: generate demo exports, load them, read the accounting.</summary>
public sealed class CliTests
{
    [Fact]
    public void GenerateThenRun_DemoExports_AccountsForEveryRow()
    {
        using var folder = new TempFolder();
        var input = folder.File("exports");
        var generate = CliProcess.Run("generate", "--out", input, "--deals", "2000", "--seed", "5", "--as-of", "2026-11-30");
        generate.ExitCode.Should().Be(0, generate.Stderr);
        var historyRows = File.ReadLines(Path.Combine(input, "stage_history.csv")).Count() - 1; // the generator writes no quoted line breaks in history

        using var run = new WarehouseRun();
        var result = CliProcess.Run("run", "--input", input, "--warehouse", run.Warehouse, "--as-of", "2026-11-30");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("deals.csv").And.Contain("stage_history.csv").And.Contain("loaded").And.Contain("total");
        var files = run.Rows("select file, rows, loaded, rejected, duplicates from meta.load_file order by file");
        files.Select(f => (string)f[0]!).Should().Equal("deals.csv", "quotas.csv", "reps.csv", "stage_history.csv");
        foreach (var file in files)
            ((long)file[2]! + (long)file[3]! + (long)file[4]!).Should().Be((long)file[1]!, $"{file[0]} must account for every row");
        files[0][1].Should().Be(2000L);
        files[3][1].Should().Be((long)historyRows);
        // Every generated deal is created before the as-of instant, so every one is in fact_deal.
        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(2000);
        run.Scalar<long>("select rows_loaded from meta.etl_run").Should().Be(files.Sum(f => (long)f[2]!));
    }

    [Fact]
    public void Run_MissingInputFolder_ExitsWith2AndSaysWhatToDo()
    {
        using var folder = new TempFolder();
        var result = CliProcess.Run("run", "--input", folder.File("nowhere"), "--warehouse", folder.File("w.duckdb"));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("does not exist").And.Contain("--input");
        File.Exists(folder.File("w.duckdb")).Should().BeFalse();
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--input")]
    [InlineData("run", "--bogus", "x")]
    [InlineData("run", "--input", "x", "--warehouse", "y", "--as-of", "30/11/2026")]
    [InlineData("generate", "--out", "nights", "--nights", "2")]
    [InlineData("generate", "--out", "nights", "--nights", "5", "--dialect", "hubspot")]
    public void Cli_BadUsage_ExitsWith2(params string[] args)
    {
        var result = CliProcess.Run(args);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error: ");
    }

    [Fact]
    public void Run_BadBenchmarkFile_ExitsWith2BeforeTouchingTheWarehouse()
    {
        using var folder = new TempFolder();
        var input = folder.File("exports");
        CliProcess.Run("generate", "--out", input, "--deals", "200", "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        var benchmarks = folder.File("benchmarks.csv");
        File.WriteAllText(benchmarks, "metric,stage,lead_type,value,source,year,definition,url\nwin_rate,,,21%,Somebody,,A definition,\n");

        var result = CliProcess.Run("run", "--input", input, "--warehouse", folder.File("w.duckdb"), "--reports", folder.File("reports"), "--benchmarks", benchmarks);

        result.ExitCode.Should().Be(2, result.Stdout);
        result.Stderr.Should().Contain($"Benchmark file {benchmarks}, line 2, column 6: year is empty");
        File.Exists(folder.File("w.duckdb")).Should().BeFalse();
        Directory.Exists(folder.File("reports")).Should().BeFalse();
    }

    [Fact]
    public void Reports_ExistingWarehouse_WritesWorkbooksAndPdfsUnderTheLatestAsOf()
    {
        using var folder = new TempFolder();
        var input = folder.File("exports");
        CliProcess.Run("generate", "--out", input, "--deals", "600", "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        var warehouse = folder.File("w.duckdb");
        CliProcess.Run("run", "--input", input, "--warehouse", warehouse, "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        var before = File.ReadAllBytes(warehouse);

        var result = CliProcess.Run("reports", "--warehouse", warehouse, "--out", folder.File("out"));

        result.ExitCode.Should().Be(0, result.Stderr);
        var written = folder.File(Path.Combine("out", "2026-11-30"));
        result.Stdout.Should().Contain($"PDF reports as of 2026-11-30 from load 1 of {warehouse} to {written}").And.Contain("peak memory");
        Directory.GetFiles(Path.Combine(written, "reps"), "*.xlsx").Should().NotBeEmpty();
        Directory.GetFiles(Path.Combine(written, "managers"), "*.pdf").Should().NotBeEmpty();
        File.Exists(Path.Combine(written, "executive-health.pdf")).Should().BeTrue();
        File.ReadAllBytes(warehouse).Should().Equal(before, "reports open the warehouse read-only");
    }

    [Fact]
    public void RunWithReports_ReportsCannotBeWritten_SaysTheWarehouseWasUpdatedAndTheReportsWereNot()
    {
        using var folder = new TempFolder();
        var input = folder.File("exports");
        CliProcess.Run("generate", "--out", input, "--deals", "200", "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        var warehouse = folder.File("w.duckdb");
        CliProcess.Run("run", "--input", input, "--warehouse", warehouse, "--as-of", "2026-11-30").ExitCode.Should().Be(0);
        // A regular file where the reports folder's parent should be: no folder can be made under it,
        // whoever runs the test (root ignores permissions, not this).
        var blocker = folder.File("not-a-folder");
        File.WriteAllText(blocker, "a file");

        var result = CliProcess.Run("run", "--input", input, "--warehouse", warehouse, "--as-of", "2026-11-30", "--reports", Path.Combine(blocker, "reports"));

        result.ExitCode.Should().Be(1, result.Stdout);
        result.Stderr.Should().Contain("error: the warehouse was updated (load id 2), the reports were not: ")
            .And.Contain(blocker)
            .And.Contain($"./run-etl.sh reports --warehouse {warehouse} --out {Path.Combine(blocker, "reports")}")
            .And.NotContain("was not changed");
        using var run = new WarehouseRun();
        File.Copy(warehouse, run.Warehouse);
        run.Scalar<long>("select max(load_id) from meta.etl_run").Should().Be(2, "the run replaced the warehouse before writing the reports");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a database")]
    public void Reports_FileThatIsNoWarehouse_ExitsWith2AndSaysSoWithoutAStackTrace(string content)
    {
        using var folder = new TempFolder();
        var warehouse = folder.File("w.duckdb");
        File.WriteAllText(warehouse, content);

        var result = CliProcess.Run("reports", "--warehouse", warehouse, "--out", folder.File("reports"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().StartWith($"error: {warehouse} cannot be read as a warehouse: ").And.Contain("Pass the file a run wrote")
            .And.NotContain("Unhandled exception").And.NotContain("   at ");
    }

    [Fact]
    public void Reports_NoWarehouse_ExitsWith2AndSaysHowToMakeOne()
    {
        using var folder = new TempFolder();

        var result = CliProcess.Run("reports", "--warehouse", folder.File("none.duckdb"));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("No warehouse at").And.Contain("run the job first");
    }
}
