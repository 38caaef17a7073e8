using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// INPUTS.md "Bad input": a missing required file or column stops the run before anything changes,
/// with a message naming the file, the missing column and the headers found. Header names match
/// after trimming, ignoring case; the optional files may be absent.
/// </summary>
public sealed class MissingInputTests
{
    /// <summary>A run that succeeded once on reps, two deals and their history, so a warehouse file exists.</summary>
    private static WarehouseRun Published()
    {
        var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(GoodDeals(2)))
            .WithFile("stage_history.csv", Histories(History("D1"), History("D2")));
        run.Run();
        return run;
    }

    [Theory]
    [InlineData("deals.csv")]
    [InlineData("reps.csv")]
    public void Run_RequiredFileMissing_ThrowsNamingFileAndLeavesWarehouseUnchanged(string file)
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        File.Delete(Path.Combine(run.Input, file));

        var act = () => run.Run();

        // The message names the missing file and lists what the folder holds instead.
        var message = act.Should().Throw<InputException>().Which.Message;
        message.Should().Contain($"Required file {file} is missing").And.Contain("Found: ").And.Contain("stage_history.csv");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Run_RequiredColumnMissing_ThrowsNamingFileColumnAndHeadersFoundAndLeavesWarehouseUnchanged()
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        // deals.csv without its required "stage" column (the last but one of the header).
        run.WithFile("deals.csv", "deal_id,deal_name,rep_id,account_name,region,product,amount,created_at,loss_reason\nD1,,R1,,EMEA,X,100,2026-01-01,\n");

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain("deals.csv")
            .And.Contain("required column \"stage\" is missing")
            .And.Contain("Found headers: \"deal_id\", \"deal_name\", \"rep_id\", \"account_name\", \"region\", \"product\", \"amount\", \"created_at\", \"loss_reason\"")
            .And.Contain("Add the column");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Theory]
    [InlineData("stage_history.csv", "deal_id,stage,rep_id\nD1,Lead,R1\n", "entered_at", "\"deal_id\", \"stage\", \"rep_id\"")]
    [InlineData("quotas.csv", "rep_id,period_start,period_end\nR1,2026-01-01,2026-03-31\n", "quota", "\"rep_id\", \"period_start\", \"period_end\"")]
    [InlineData("reps.csv", "rep_id,rep_name,email,region\nR1,Ann,,EMEA\n", "team", "\"rep_id\", \"rep_name\", \"email\", \"region\"")]
    public void Run_PresentFileMissesRequiredColumn_ThrowsBeforeAnythingChanges(string file, string content, string column, string found)
    {
        using var run = Published();
        var before = RunChecks.Sha256(run.Warehouse);
        run.WithFile(file, content);

        var act = () => run.Run();

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain($"{file}: required column \"{column}\" is missing").And.Contain($"Found headers: {found}.");
        RunChecks.Sha256(run.Warehouse).Should().Be(before);
    }

    [Fact]
    public void Run_FirstRunWithMissingFile_ThrowsAndCreatesNoWarehouse()
    {
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps);

        var act = () => run.Run();

        act.Should().Throw<InputException>().WithMessage("Required file deals.csv is missing*Found: reps.csv*");
        File.Exists(run.Warehouse).Should().BeFalse();
        File.Exists(run.Warehouse + ".building").Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_RequiredFileMissing_ExitsWithCodeTwo()
    {
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps);

        var code = await JobHost.RunAsync(new EtlOptions { Input = run.Input, Warehouse = run.Warehouse, AsOf = new DateOnly(2026, 11, 30) });

        code.Should().Be(2);
        File.Exists(run.Warehouse).Should().BeFalse();
    }

    [Fact]
    public void Run_HeadersInOtherCaseWithSpacesAndFileNamesInOtherCase_Loads()
    {
        // Header names match after trimming, ignoring case; file names match ignoring case.
        using var run = new WarehouseRun()
            .WithFile("REPS.CSV", " REP_ID , Rep_Name ,Email,manager_id,  Team,Region ,active\nR1,Ann Lee,,,East,EMEA,true\n")
            .WithFile("Deals.csv", " Deal_ID ,Rep_ID,REGION,Product,Amount,Created_At,\tStage\t\nD1,R1,EMEA,X,100,2026-01-01,Lead\n");

        run.Run(configJson: Lenient);

        run.Rejections().Should().BeEmpty();
        run.Rows("select deal_id, rep_id, region, product, amount from core.fact_deal")
            .Should().BeEquivalentTo([new object?[] { "D1", "R1", "EMEA", "X", 100.00m }]);
        run.Scalar<string>("select rep_name from core.dim_rep where rep_id = 'R1'").Should().Be("Ann Lee");
        run.Outcome("Deals.csv").Should().Be(new FileOutcome(Rows: 1, Loaded: 1, Rejected: 0, Duplicates: 0));
        run.Outcome("REPS.CSV").Should().Be(new FileOutcome(Rows: 1, Loaded: 1, Rejected: 0, Duplicates: 0));
    }

    [Fact]
    public void Run_OptionalFilesAbsent_LoadsWithoutHistoryOrQuotas()
    {
        // No stage_history.csv and no quotas.csv: the two required files load, the deal gets a synthesized timeline.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(GoodDeals(1)));

        run.Run();

        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(1);
        run.Scalar<long>("select count(*) from core.fact_quota").Should().Be(0);
        run.Rows("select file from meta.load_file order by file").Select(r => r[0]).Should().Equal("deals.csv", "reps.csv");
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_EmptyFile_ThrowsAskingForTheHeader()
    {
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", "");

        var act = () => run.Run();

        act.Should().Throw<InputException>().WithMessage("deals.csv is empty: its first line must be a header with the columns deal_id, deal_name, rep_id*");
    }

    [Fact]
    public void Run_ColumnTwiceInHeader_ThrowsNamingBothPositions()
    {
        // "amount" and " AMOUNT " are the same column after trimming and ignoring case: positions 3 and 4.
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", "deal_id,rep_id,amount, AMOUNT ,region,product,created_at,stage\n");

        var act = () => run.Run();

        act.Should().Throw<InputException>().WithMessage("deals.csv: column \"amount\" appears twice in the header (columns 3 and 4)*");
    }

    [Fact]
    public void Run_SameFileInTwoCases_ThrowsNamingBoth()
    {
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(GoodDeals(1))).WithFile("DEALS.csv", Deals(GoodDeals(1)));

        var act = () => run.Run();

        act.Should().Throw<InputException>().WithMessage("*holds * and *keep only one deals.csv*");
    }
}
