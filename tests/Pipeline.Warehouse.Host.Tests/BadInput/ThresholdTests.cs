using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// INPUTS.md "Bad input": more than a threshold of a file's rows rejected (default 5%, the config's
/// rejectThresholdPercent) fails the run with exit code 2, and the warehouse stays as it was.
/// </summary>
public sealed class ThresholdTests
{
    /// <summary>deals.csv of 20 rows, the last <paramref name="bad"/> of them with the amount "twelve".</summary>
    private static string TwentyDeals(int bad) =>
        Deals(GoodDeals(20 - bad), string.Concat(Enumerable.Range(21 - bad, bad).Select(i => Deal($"D{i}", amount: "twelve"))));

    /// <summary>A run that succeeded once on 20 good deals, so a warehouse file exists.</summary>
    private static WarehouseRun Published()
    {
        var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", TwentyDeals(bad: 0));
        run.Run();
        return run;
    }

    [Fact]
    public void Run_MoreThanFivePercentRejected_ThrowsAndLeavesWarehouseUnchanged()
    {
        // 2 of 20 rows = 10% > 5%. The bad rows are D19 and D20 on lines 20 and 21.
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        run.WithFile("deals.csv", TwentyDeals(bad: 2));

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain("the limit is 5% of a file, \"rejectThresholdPercent\" in the config")
            .And.Contain("The warehouse was not changed.")
            .And.Contain("deals.csv: 2 of 20 rows rejected (10%)")
            .And.Contain("line 20: amount \"twelve\" is not an amount.")
            .And.Contain("line 21: amount \"twelve\" is not an amount.");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
        run.Scalar<long>("select count(*) from meta.etl_run").Should().Be(1, "the failed run left no trace in the warehouse");
        File.Exists(run.Warehouse + ".building").Should().BeFalse();
    }

    [Fact]
    public void Run_MoreThanFivePercentRejected_StopsBeforeAnyMartIsBuilt()
    {
        // Issue #10: the accounting and the threshold are decided right after the core.
        using var run = Published();
        run.WithFile("deals.csv", TwentyDeals(bad: 2));
        var phases = new PhaseRecorder();

        var act = () => run.Run(observer: phases);

        act.Should().Throw<InputException>().Which.Message.Should().Contain("deals.csv: 2 of 20 rows rejected (10%)");
        phases.Started.Should().ContainInOrder("build core", "account rows").And.NotContain("build marts").And.NotContain("data tests");
        phases.Started.Should().NotContain("build star schema", "the accounting needs only the row checks, so the timelines are not built either");
        phases.Models.Should().NotContain(["core/fact_deal", "core/fact_stage_transition"]);
        phases.Models.Should().NotBeEmpty().And.NotContain(m => m.StartsWith("marts/", StringComparison.Ordinal) || m.StartsWith("views/", StringComparison.Ordinal), "no mart is built");
        run.Scalar<long>("select count(*) from meta.etl_run").Should().Be(1);
    }

    [Fact]
    public void Run_GoodExport_AccountsRowsBeforeBuildingTheMarts()
    {
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", TwentyDeals(bad: 0));
        var phases = new PhaseRecorder();

        var result = run.Run(observer: phases);

        result.Phases.Select(p => p.Phase).Should().ContainInOrder("build core", "account rows", "build marts", "data tests", "write run log");
        phases.Started.Should().ContainInOrder("build core", "account rows", "build marts");
    }

    /// <summary>The phases a run started and the models it built, in order.</summary>
    private sealed class PhaseRecorder : IRunObserver
    {
        public List<string> Started { get; } = [];

        public List<string> Models { get; } = [];

        public void PhaseStarted(string phase) => Started.Add(phase);

        public void PhaseFinished(string phase, TimeSpan elapsed)
        {
        }

        public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed)
        {
        }

        public void ModelBuilt(Pipeline.Warehouse.Models.ModelResult model) => Models.Add($"{model.Folder}/{model.Name}");
    }

    [Fact]
    public void Run_ExactlyFivePercentRejected_Passes()
    {
        // 1 of 20 rows = 5%, not more than 5%.
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", TwentyDeals(bad: 1));

        run.Run();

        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 20, Loaded: 19, Rejected: 1, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_ThresholdCountsEachFileOnItsOwn()
    {
        // deals.csv: 1 of 20 (5%) passes; reps.csv: 1 of 4 (25%, R4 without a team) fails the run.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps + "R4,Dee,,,,EMEA,true\n")
            .WithFile("deals.csv", TwentyDeals(bad: 1));

        var act = () => run.Run();

        var message = act.Should().Throw<InputException>().Which.Message;
        message.Should().Contain("reps.csv: 1 of 4 rows rejected (25%)").And.Contain("line 5: team is empty.").And.NotContain("deals.csv:");
        File.Exists(run.Warehouse).Should().BeFalse();
    }

    [Fact]
    public void Run_StructuralRejectsCountTowardsTheThreshold()
    {
        // 2 of 20 records have 15 fields: 10% rejected on the slow path fails the run like any other reject.
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(GoodDeals(18), Deal("D19").Replace("\n", ",x\n"), Deal("D20").Replace("\n", ",y\n")));

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should().Contain("deals.csv: 2 of 20 rows rejected (10%)").And.Contain("line 20: The record has 15 fields");
    }

    [Theory]
    [InlineData(10.0, 2, true)]    // 2 of 20 = 10%, not more than 10%: passes
    [InlineData(10.0, 3, false)]   // 3 of 20 = 15% > 10%: fails
    [InlineData(4.0, 1, false)]    // 1 of 20 = 5% > 4%: fails
    [InlineData(0.0, 1, false)]    // no reject allowed at all
    public void Run_ThresholdFromConfig_DecidesTheRun(double threshold, int bad, bool passes)
    {
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", TwentyDeals(bad));
        var config = $$"""{"rejectThresholdPercent": {{threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";

        var act = () => run.Run(configJson: config);

        if (passes)
        {
            act.Should().NotThrow();
            run.Outcome("deals.csv").Rejected.Should().Be(bad);
        }
        else
        {
            act.Should().Throw<InputException>().WithMessage($"Too many rejected rows (the limit is {threshold:0.##}% of a file*");
            File.Exists(run.Warehouse).Should().BeFalse();
        }
    }

    [Fact]
    public async Task RunAsync_MoreThanThresholdRejected_ExitsWithCodeTwoAndLeavesWarehouseUnchanged()
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        run.WithFile("deals.csv", TwentyDeals(bad: 2));

        var code = await JobHost.RunAsync(new EtlOptions { Input = run.Input, Warehouse = run.Warehouse, AsOf = new DateOnly(2026, 11, 30) });

        code.Should().Be(2);
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }
}
