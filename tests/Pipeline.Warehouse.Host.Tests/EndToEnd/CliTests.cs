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
    public void Cli_BadUsage_ExitsWith2(params string[] args)
    {
        var result = CliProcess.Run(args);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error: ");
    }
}
